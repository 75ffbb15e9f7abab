using Microsoft.Net.Http.Headers;

namespace FourDuty.Host.Security.SignIn;

/// <summary>The words of the sign-in pages: Chinese, or English when the browser prefers English.</summary>
internal sealed record SignInText(
    string Lang,
    string Title,
    string User,
    string Password,
    string Submit,
    string Sso,
    string LinkHint,
    string Wrong,
    string LockedOut,
    string Stale,
    string SignedInAs,
    string Roles,
    string NoRoles,
    string SignOut,
    string Denied,
    string DeniedText,
    string SsoFailed,
    string Home)
{
    private static readonly SignInText Chinese = new(
        "zh-CN", "登录 · 四责协同", "账户（人员编号）", "密码", "登录", "使用{0}登录",
        "领导同志通过任务邮件中的链接即可办理该项任务，无需登录。",
        "账户或密码不正确。", "连续输错次数过多，账户已暂时锁定，请于 {0} 后再试，或联系系统管理员。",
        "页面已过期，请重新输入后提交。", "您已登录：", "权限", "（暂无权限，请联系系统管理员）", "退出登录",
        "无权访问", "您的账户没有打开此页面的权限。如需权限，请联系系统管理员。",
        "统一身份认证未能完成登录：该账户不在本系统中，或认证已取消。请联系系统管理员。",
        "← 返回首页");

    private static readonly SignInText English = new(
        "en", "Sign in · FourDuty", "Account (person id)", "Password", "Sign in", "Sign in with {0}",
        "Leaders complete a task from the link in its email, without signing in.",
        "Wrong account or password.", "Too many wrong passwords: the account is locked until {0}. Try again then, or ask an administrator.",
        "The page expired; enter your details again.", "Signed in as", "Roles", "(no roles yet: ask an administrator)", "Sign out",
        "Not allowed", "Your account may not open this page. Ask an administrator for the role it needs.",
        "Single sign-on did not sign you in: the account is not known here, or the sign-in was cancelled. Ask an administrator.",
        "← Home");

    /// <summary>Chinese first; English only when the browser ranks an English language above every Chinese one.</summary>
    public static SignInText For(HttpRequest request)
    {
        var preferred = request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(language => language.Quality ?? 1)
            .Select(language => language.Value.Value ?? "")
            .FirstOrDefault(language => language.StartsWith("en", StringComparison.OrdinalIgnoreCase) || language.StartsWith("zh", StringComparison.OrdinalIgnoreCase));
        return preferred?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? English : Chinese;
    }
}
