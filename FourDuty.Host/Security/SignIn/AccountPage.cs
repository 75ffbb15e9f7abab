using FourDuty.Host.Security.AccessTokens;
using FourDuty.Host.Security.Accounts;
using FourDuty.Host.Security.Audit;
using FourDuty.Host.Security.Policies;
using FourDuty.Workflows.Organization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using static FourDuty.Host.TaskPages.TaskPageHtml;

namespace FourDuty.Host.Security.SignIn;

/// <summary>
/// The signed-in person's page: who they are and their roles, and forms to change their password, make an access
/// token (shown once, on the answer page) and sign out — so that a newcomer needs nothing but a browser.
/// </summary>
internal static class AccountPage
{
    public static void MapAccountPage(this RouteGroupBuilder account)
    {
        account.MapGet("", (HttpContext http, PeopleDirectory people, IAntiforgery antiforgery) => Show(http, people, antiforgery, null))
            .RequireAuthorization(AccessPolicy.SignedIn);
        account.MapPost("/password", ChangePasswordAsync).RequireAuthorization(AccessPolicy.SignedIn).DisableAntiforgery()
            .Audited("account.password", _ => "own password changed");
        account.MapPost("/tokens", CreateTokenAsync).RequireAuthorization(AccessPolicy.SignedIn).DisableAntiforgery()
            .Audited("token.create", _ => "from the account page");
    }

    private static async Task<IResult> ChangePasswordAsync(HttpContext http, PeopleDirectory people, IAntiforgery antiforgery, UserManager<Account> accounts,
        AccessDbContext db)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Show(http, people, antiforgery, "页面已过期，请重试。/ The page expired; try again.", StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var account = await accounts.FindByNameAsync(Caller.Of(http.User).Id);
        if (account is null || !await accounts.CheckPasswordAsync(account, form["current"].ToString()))
        {
            return Show(http, people, antiforgery, "当前密码不正确。/ The current password is wrong.", StatusCodes.Status422UnprocessableEntity);
        }

        var wanted = form["new"].ToString();
        if (await AccountEndpoints.WeaknessesAsync(accounts, account, wanted) is { Count: > 0 } errors)
        {
            return Show(http, people, antiforgery, "新密码至少需要 12 个字符。/ " + string.Join(" ", errors), StatusCodes.Status422UnprocessableEntity);
        }

        if (!await AccountChange.TryAsync(db, () => AccountSeeder.SetPasswordAsync(accounts, account, wanted), http.RequestAborted))
        {
            return Show(http, people, antiforgery, "账号刚被另一个请求修改，密码未修改，请重试。/ The account was changed by another request at the same moment; " +
                "your password was not changed — try again.", StatusCodes.Status409Conflict);
        }

        return Show(http, people, antiforgery, "密码已修改。/ Your password was changed.");
    }

    private static async Task<IResult> CreateTokenAsync(HttpContext http, PeopleDirectory people, IAntiforgery antiforgery, AccessTokenStore store)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Show(http, people, antiforgery, "页面已过期，请重试。/ The page expired; try again.", StatusCodes.Status400BadRequest);
        }

        var name = (await http.Request.ReadFormAsync(http.RequestAborted))["name"].ToString().Trim();
        name = name.Length is 0 or > 100 ? "access token" : name;
        var (token, secret) = await store.CreateAsync(Caller.Of(http.User).Id, name, AccessTokenStore.DefaultLifetime, http.RequestAborted);
        AuditFilter.Note(http, target: $"id={token.Id}", summary: $"'{name}' from the account page, expires {token.ExpiresAt:yyyy-MM-dd}");
        http.Response.Headers.CacheControl = "no-cache, no-store";
        return SignInEndpoints.Html(StatusCodes.Status200OK, Page("访问令牌 Access token", $"""
            <h1>访问令牌已创建 / Access token created</h1>
            <p>“{E(name)}”，有效期至 {E(Format(token.ExpiresAt))}。请立即复制保存：此令牌只显示这一次。</p>
            <p class="muted">Copy it now: it is shown only this once. Send it as <code>Authorization: Bearer …</code>.</p>
            <pre>{E(secret)}</pre>
            <p><a href="/account">返回 Back</a></p>
            """));
    }

    private static IResult Show(HttpContext http, PeopleDirectory people, IAntiforgery antiforgery, string? message, int status = StatusCodes.Status200OK)
    {
        var text = SignInText.For(http.Request);
        var caller = Caller.Of(http.User);
        var person = people.Find(caller.Id);
        var field = antiforgery.GetAndStoreTokens(http);
        var hidden = $"<input type=\"hidden\" name=\"{E(field.FormFieldName)}\" value=\"{E(field.RequestToken!)}\">";
        var roles = caller.Roles.Count == 0 ? text.NoRoles : string.Join(", ", caller.Roles.Order(StringComparer.Ordinal));
        var links = caller.Has(AccessRole.Admin) ? "<p><a href=\"/hangfire\">后台任务 Jobs</a> · <a href=\"/outbox\">发件箱 Outbox</a></p>" : "";
        http.Response.Headers.CacheControl = "no-cache, no-store";
        return SignInEndpoints.Html(status, Page(text.Title, $"""
            <p><a href="/">{E(text.Home)}</a></p>
            <h1>{E(text.SignedInAs)} {E(person?.Name ?? caller.Id)}</h1>
            {(message is null ? "" : $"<p class=\"error\">{E(message)}</p>")}
            <table class="facts">
              <tr><th>ID</th><td>{E(caller.Id)}</td></tr>
              {(person?.Title is { } title ? $"<tr><th></th><td>{E(title)}</td></tr>" : "")}
              <tr><th>{E(text.Roles)}</th><td>{E(roles)}</td></tr>
            </table>
            {links}
            <form method="post" action="/account/signout">{hidden}<button type="submit">{E(text.SignOut)}</button></form>
            <h2>修改密码 Change password</h2>
            <form method="post" action="/account/password">{hidden}
              <label for="current">当前密码 Current password</label><input type="password" id="current" name="current" autocomplete="current-password" required>
              <label for="new">新密码（至少 12 个字符）New password (12 characters or more)</label><input type="password" id="new" name="new" autocomplete="new-password" minlength="12" required>
              <button type="submit">修改 Change</button>
            </form>
            <h2>访问令牌 Access token</h2>
            <p class="muted">供脚本和持续集成以您的身份和权限调用接口，有效期 90 天。/ For scripts and CI, acting as you with your roles, for 90 days.</p>
            <form method="post" action="/account/tokens">{hidden}
              <label for="name">用途 What for</label><input type="text" id="name" name="name" maxlength="100" placeholder="CI deploy">
              <button type="submit">创建 Create</button>
            </form>
            """, text.Lang));
    }
}
