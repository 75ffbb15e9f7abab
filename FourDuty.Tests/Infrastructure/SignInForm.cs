using System.Net;

using static FourDuty.Tests.Infrastructure.TaskPageScraping;

namespace FourDuty.Tests.Infrastructure;

/// <summary>Signs a browser-like client (one that keeps cookies) in through the sign-in page, as a person would.</summary>
internal static class SignInForm
{
    /// <summary>Opens the sign-in page and posts the form with its antiforgery token; returns the answer to the post.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string user, string password, string? returnUrl = null)
    {
        var page = await client.GetStringAsync("/account/signin");
        return await client.PostAsync("/account/signin", new FormUrlEncodedContent(
        [
            AntiforgeryField(page),
            new("returnUrl", returnUrl ?? ""),
            new("user", user),
            new("password", password),
        ]));
    }

    /// <summary>Signs in, failing the test unless the page redirects (success).</summary>
    public static async Task SignInAsync(HttpClient client, string user, string password)
    {
        using var response = await PostAsync(client, user, password);
        response.StatusCode.ShouldBeOneOf([HttpStatusCode.Redirect, HttpStatusCode.OK], await response.Content.ReadAsStringAsync());
        (await client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK, $"{user} should be signed in");
    }
}
