using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FourDuty.Bench.Load;

/// <summary>
/// An HTTP client signed in to a Host node as a person does it: the sign-in page's form with its antiforgery field, then
/// the session cookie. Its JSON requests pass the service's cross-site guard as the pages' own requests do.
/// </summary>
internal static partial class SignedInClient
{
    public static async Task<HttpClient> SignInAsync(Uri node, string user, string password)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = node,
            Timeout = TimeSpan.FromMinutes(2),
        };
        var page = await client.GetStringAsync("/account/signin");
        var field = AntiforgeryField().Match(page);
        if (!field.Success)
        {
            throw new InvalidOperationException("The sign-in page has no antiforgery field.");
        }

        using var signedIn = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [WebUtility.HtmlDecode(field.Groups["name"].Value)] = WebUtility.HtmlDecode(field.Groups["value"].Value),
            ["returnUrl"] = "/",
            ["user"] = user,
            ["password"] = password,
        }));
        using var me = await client.GetAsync("/api/me");
        if (me.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Signing in as {user} failed: the sign-in answered {(int)signedIn.StatusCode}, /api/me {(int)me.StatusCode}.");
        }

        // The antiforgery token the pages send with their form posts (uploads are multipart, which a guard checks).
        var antiforgery = (await me.Content.ReadFromJsonAsync<JsonObject>())!["antiforgery"]!;
        client.DefaultRequestHeaders.Add(antiforgery["header"]!.GetValue<string>(), antiforgery["token"]!.GetValue<string>());
        return client;
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]+)">""")]
    private static partial Regex AntiforgeryField();
}
