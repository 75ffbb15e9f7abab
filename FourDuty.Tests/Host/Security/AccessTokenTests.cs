using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FourDuty.Tests.Infrastructure;

namespace FourDuty.Tests.Host.Security;

/// <summary>Personal access tokens, as a script or CI uses them.</summary>
[Collection(HostCollection.Name)]
public sealed class AccessTokenTests
{
    [Fact]
    public async Task Token_IsShownOnce_ActsWithTheOwnersRoles_AndStopsAtOnceWhenRevoked()
    {
        await using var host = new FourDutyHostFactory();
        using var office = host.CreateClientFor("zhou.office");

        using var created = await office.PostAsJsonAsync("/api/tokens", new { name = "CI deploy", expiresInDays = 30 });
        var token = await created.Content.ReadFromJsonAsync<JsonElement>();
        var secret = token.GetProperty("token").GetString()!;
        using var ci = host.CreateClient();
        ci.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var me = await ci.GetFromJsonAsync<JsonElement>("/api/me");
        var listed = await office.GetStringAsync("/api/tokens");
        using var revoked = await office.DeleteAsync($"/api/tokens/{token.GetProperty("id").GetString()}");
        using var after = await ci.GetAsync("/api/me");

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        secret.ShouldStartWith("fdpat_");
        me.GetProperty("id").GetString().ShouldBe("zhou.office");
        me.GetProperty("via").GetString().ShouldBe("token");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["designer", "office"]);
        listed.ShouldContain("CI deploy");
        listed.ShouldNotContain(secret);
        revoked.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        after.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
    }

    [Fact]
    public async Task Token_FollowsTheOwnersRoles_WhenAnAdministratorChangesThem()
    {
        await using var host = new FourDutyHostFactory();
        using var office = host.CreateClientFor("zhou.office");
        using var admin = host.CreateClientFor("admin");
        (await office.GetAsync("/api/instances")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.PutAsJsonAsync("/api/accounts/zhou.office/roles", new { roles = new[] { "designer" } })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await office.GetAsync("/api/instances")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Token_OfSomeoneElse_CannotBeRevokedByALeader_ButByAnAdministrator()
    {
        await using var host = new FourDutyHostFactory();
        using var office = host.CreateClientFor("zhou.office");
        using var leader = host.CreateClientFor("chen.deputy");
        using var admin = host.CreateClientFor("admin");
        var id = (await (await office.PostAsJsonAsync("/api/tokens", new { name = "script" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        (await leader.DeleteAsync($"/api/tokens/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await leader.GetStringAsync("/api/tokens")).ShouldNotContain(id!);
        (await admin.GetStringAsync("/api/tokens?owner=zhou.office")).ShouldContain(id!);
        (await admin.DeleteAsync($"/api/tokens/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Theory]
    [InlineData("fdpat_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-token")]
    public async Task UnknownOrMalformedToken_Is401(string bearer)
    {
        await using var host = new FourDutyHostFactory();
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);

        (await client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsync("/api/deployments", new StringContent("<x/>"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
