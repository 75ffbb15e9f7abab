using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FourDuty.Tests.Infrastructure;

namespace FourDuty.Tests.Host.Security;

/// <summary>Accounts: seeded from the organisation file, managed by administrators, and the administrator's first start.</summary>
[Collection(HostCollection.Name)]
public sealed partial class AccountTests
{
    [Fact]
    public async Task Roles_ComeFromTheOrganisationFile_AndAnAdministratorsChangeWinsAndSurvivesARestart()
    {
        var folder = Directory.CreateTempSubdirectory("fourduty-restart-").FullName;
        var settings = new Dictionary<string, string> { ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(folder, "fourduty.db")}" };
        try
        {
            await using (var first = new FourDutyHostFactory(settings: settings))
            {
                using var admin = first.CreateClientFor("admin");
                (await RolesAsync(admin, "zhao.discipline")).ShouldBe(["discipline", "leader"]);
                (await RolesAsync(admin, "zhou.office")).ShouldBe(["designer", "office"]);
                (await admin.PutAsJsonAsync("/api/accounts/zhou.office/roles", new { roles = new[] { "office" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await using var second = new FourDutyHostFactory(settings: settings);
            using var again = second.CreateClientFor("admin");

            (await RolesAsync(again, "zhou.office")).ShouldBe(["office"]);
            (await RolesAsync(again, "zhao.discipline")).ShouldBe(["discipline", "leader"]);
            var accounts = (await again.GetFromJsonAsync<JsonElement>("/api/accounts")).EnumerateArray().ToList();
            accounts.Select(a => a.GetProperty("id").GetString()).ShouldContain("li.secretary");
            accounts.Single(a => a.GetProperty("id").GetString() == "zhou.office").GetProperty("rolesSetByAdmin").GetBoolean().ShouldBeTrue();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Administrator_SetsPasswordsAndRoles_WithClearRefusals()
    {
        await using var host = new FourDutyHostFactory();
        using var admin = host.CreateClientFor("admin");
        using var browser = host.CreateBrowser();

        using var weak = await admin.PutAsJsonAsync("/api/accounts/chen.deputy/password", new { password = "short" });
        using var unknownRole = await admin.PutAsJsonAsync("/api/accounts/chen.deputy/roles", new { roles = new[] { "superuser" } });
        using var ownAdmin = await admin.PutAsJsonAsync("/api/accounts/admin/roles", new { roles = new[] { "office" } });
        using var missing = await admin.PutAsJsonAsync("/api/accounts/nobody/password", new { password = "long-enough-password" });
        using var set = await admin.PutAsJsonAsync("/api/accounts/chen.deputy/password", new { password = "chen-first-password" });

        weak.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await weak.Content.ReadAsStringAsync()).ShouldContain("12");
        unknownRole.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await unknownRole.Content.ReadAsStringAsync()).ShouldContain("'superuser' is not an access role");
        ownAdmin.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        set.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await SignInForm.SignInAsync(browser, "chen.deputy", "chen-first-password");
        using var wrongCurrent = await browser.PutAsJsonAsync("/api/me/password", new { currentPassword = "guess", newPassword = "chen-own-password" });
        using var changed = await browser.PutAsJsonAsync("/api/me/password", new { currentPassword = "chen-first-password", newPassword = "chen-own-password" });
        wrongCurrent.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var fresh = host.CreateBrowser();
        await SignInForm.SignInAsync(fresh, "chen.deputy", "chen-own-password");
    }

    [Fact]
    public async Task ChangesToOneAccountAtTheSameMoment_AreEachWholeOrRefusedWith409_NeverA500()
    {
        await using var host = new FourDutyHostFactory();
        using var admin = host.CreateClientFor("admin");
        string[][] roleSets = [["office"], ["leader"], ["designer", "office"], ["discipline", "leader"]];

        // Sixteen changes of one account at once: each reads the account and writes it back several times (Identity saves
        // each operation on its own), so most overlap another.
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => i % 2 == 0
            ? admin.PutAsJsonAsync("/api/accounts/zhou.office/roles", new { roles = roleSets[i / 2 % roleSets.Length] })
            : admin.PutAsJsonAsync("/api/accounts/zhou.office/password", new { password = $"racing-password-{i:00}" })));

        foreach (var response in responses)
        {
            response.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.NoContent, HttpStatusCode.Conflict);
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                problem.GetProperty("title").GetString().ShouldBe("ACCOUNT-CHANGED");
                problem.GetProperty("detail").GetString().ShouldStartWith("账号“zhou.office”刚被另一个请求修改");
            }
        }

        responses.ShouldContain(r => r.IsSuccessStatusCode);
        // Whatever won, the account holds one whole change: one of the role sets asked for, and a password.
        roleSets.Select(set => string.Join(",", set)).ShouldContain(string.Join(",", await RolesAsync(admin, "zhou.office")));
        var account = (await admin.GetFromJsonAsync<JsonElement>("/api/accounts")).EnumerateArray()
            .Single(a => a.GetProperty("id").GetString() == "zhou.office");
        account.GetProperty("hasPassword").GetBoolean().ShouldBeTrue();
        // Each answer, the refused ones too, is in the audit trail with its status: a refused change's rows did not ride
        // along with its audit entry (which is saved through the same context) and make that fail too.
        var audited = (await admin.GetFromJsonAsync<JsonElement>("/api/audit?operation=account.")).EnumerateArray()
            .Select(e => e.GetProperty("status").GetInt32()).Order().ToList();
        audited.ShouldBe(responses.Select(r => (int)r.StatusCode).Order().ToList());
    }

    [Fact]
    public async Task AccountPage_ChangesThePasswordAndMakesAnAccessToken_WithNothingButABrowser()
    {
        await using var host = new FourDutyHostFactory();
        using var browser = host.CreateBrowser();
        await SignInForm.SignInAsync(browser, "admin", FourDutyHostFactory.AdminPassword);
        KeyValuePair<string, string> Field(string name, string value) => new(name, value);

        var page = await browser.GetStringAsync("/account");
        using var changed = await browser.PostAsync("/account/password", new FormUrlEncodedContent(
            [TaskPageScraping.AntiforgeryField(page), Field("current", FourDutyHostFactory.AdminPassword), Field("new", "the admin's own password")]));
        using var created = await browser.PostAsync("/account/tokens", new FormUrlEncodedContent([TaskPageScraping.AntiforgeryField(page), Field("name", "CI deploy")]));
        var token = Regex.Match(await created.Content.ReadAsStringAsync(), "fdpat_[A-Za-z0-9_-]{43}").Value;
        using var ci = host.CreateClient();
        ci.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await changed.Content.ReadAsStringAsync()).ShouldContain("密码已修改");
        (await ci.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString().ShouldBe("admin");
        using var fresh = host.CreateBrowser();
        (await SignInForm.PostAsync(fresh, "admin", FourDutyHostFactory.AdminPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await SignInForm.SignInAsync(fresh, "admin", "the admin's own password");
        (await browser.PostAsync("/account/tokens", new FormUrlEncodedContent([Field("name", "forged")]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task FirstStart_WithoutAConfiguredPassword_ShowsAOneTimePasswordOnTheConsoleOnly_ThatSignsTheAdministratorIn()
    {
        await using var node = HostProcess.Start(new Dictionary<string, string> { ["Security:Admin:Password"] = "" });
        await node.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        var password = OneTimePassword().Match(node.Output).Groups["password"].Value;
        password.Length.ShouldBe(20, node.Output);
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = node.BaseAddress };

        await SignInForm.SignInAsync(browser, "admin", password);
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/me");

        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["admin"]);
        await node.InterruptAsync(TimeSpan.FromSeconds(20));
        Regex.Matches(node.Output, Regex.Escape(password)).Count.ShouldBe(1, "shown once, in the console box, and in no log line");
        node.Output.ShouldContain("was created with a one-time password, shown on the console only");
    }

    private static async Task<List<string?>> RolesAsync(HttpClient admin, string id) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/accounts")).EnumerateArray()
            .Single(a => a.GetProperty("id").GetString() == id).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToList();

    [GeneratedRegex(@"one-time password: (?<password>\S+)")]
    private static partial Regex OneTimePassword();
}
