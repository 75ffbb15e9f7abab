namespace FourDuty.Host.Security.Accounts;

/// <summary>
/// The one place a secret is shown: the administrator's one-time password, written straight to the console of the
/// first start — not through ILogger, so no log sink, file or collector ever receives it.
/// </summary>
internal static class AdminConsole
{
    public static void ShowOneTimePassword(string user, string password)
    {
        var line = new string('=', 72);
        Console.Out.WriteLine($"""

            {line}
             首次启动：已创建管理员账户 / First start: the administrator account was created
               账户 user:                {user}
               一次性密码 one-time password: {password}
             在 /account/signin 登录后请立即修改密码（PUT /api/me/password）。
             Sign in at /account/signin and change this password at once (PUT /api/me/password).
             此密码只显示这一次，不写入任何日志 / It is shown only now and written to no log.
            {line}

            """);
        Console.Out.Flush();
    }
}
