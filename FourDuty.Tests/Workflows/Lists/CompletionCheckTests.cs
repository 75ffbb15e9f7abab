using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Forms;
using FourDuty.Engine.Runtime;
using FourDuty.Tests.Engine.Runtime;
using FourDuty.Tests.Infrastructure;
using FourDuty.Tests.Workflows.Handlers;
using FourDuty.Workflows.Lists;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FourDuty.Tests.Workflows.Lists;

/// <summary>
/// The domain's rules a form cannot express refuse a task completion before anything is stored, exactly as a form's own
/// errors do: one error per field, with its key, a DUTY-* code and a message in Chinese then English.
/// </summary>
public sealed class CompletionCheckTests
{
    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task Completion_IsRefusedNamingTheField_WhenAClaimIsOnAnItemNotOnTheProjectList(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);
        var instance = await host.StartAsync("duty.saveLists", new { year = 2026, subjectId = "liu.vicepresident", assignee = "liu.vicepresident" }, userTaskFirst: true);

        var errors = await RefusedAsync(host, instance, new { claims = new[] { Guid.NewGuid().ToString() }, dutyItems = new object[] { new { title = "x", dueOn = "2027-01-15" } } });

        errors.Select(e => (e.Key, e.Code)).ShouldBe([("claims[0]", DutyErrors.UnknownProjectItem), ("dutyItems[0].dueOn", DutyErrors.OutsideYear)], ignoreOrder: true);
        errors.Single(e => e.Key == "dutyItems[0].dueOn").Message.ShouldStartWith("完成时限 2027-01-15 不在2026年度内");
        await using var db = host.Db();
        (await db.Claims.CountAsync()).ShouldBe(0);
        (await db.ListItems.CountAsync()).ShouldBe(0);
        (await host.Engine.Queries.GetInstanceAsync(instance))!.OpenTasks.Single().ElementId.ShouldBe("form");
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    public async Task Completion_IsRefused_WhenTheDisciplineSecretarySubmitsAnotherSubjectsLists(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);
        var instance = await host.StartAsync("duty.saveLists", new { year = 2026, subjectId = "chen.deputy", assignee = "chen.deputy" }, userTaskFirst: true);

        var errors = await RefusedAsync(host, instance, new { dutyItems = new object[] { new { title = "纪委书记代填" } } }, user: "zhao.discipline");

        errors.Single().Code.ShouldBe(DutyErrors.NotYourRecord);
        errors.Single().Message.ShouldContain("纪委书记可以提出意见、督促和核查");
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task Completion_IsRefused_WhenACloseOutIsSignedByNeitherSigner_OrForTheOther(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);
        var finding = await RectificationHandlerTests.VerifiedFindingAsync(host);
        var instance = await host.StartAsync("duty.closeOut", new { finding, assignee = "li.secretary" }, userTaskFirst: true);

        var stranger = await RefusedAsync(host, instance, new { signedBy = "chen.deputy" });
        var forTheOther = await RefusedAsync(host, instance, new { signedBy = "zhao.discipline" }, user: "li.secretary");

        stranger.Single().Key.ShouldBe("signedBy");
        stranger.Single().Code.ShouldBe(DutyErrors.SignOffNotAllowed);
        forTheOther.Single().Message.ShouldContain("不能代“zhao.discipline”签字");
        await host.Engine.CompleteTaskAsync(await FormTaskAsync(host, instance), Scenario.Variables(new { signedBy = "li.secretary" }), "li.secretary");
        await host.Engine.RunDueWorkAsync();
        await using var db = host.Db();
        (await db.SignOffs.SingleAsync()).PersonId.ShouldBe("li.secretary");
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    public async Task Completion_IsRefused_WhenAFindingIsSentBackWithoutAReason_OrClosedBeforeItIsVerified(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store);
        var finding = await RectificationHandlerTests.VerifiedFindingAsync(host, verify: false);
        var verify = await host.StartAsync("duty.verifyFinding", new { finding, assignee = "zhao.discipline" }, userTaskFirst: true);
        var close = await host.StartAsync("duty.closeOut", new { finding, assignee = "zhao.discipline" }, userTaskFirst: true);

        (await RefusedAsync(host, verify, new { verdict = "rejected" })).Single().Key.ShouldBe("reason");
        (await RefusedAsync(host, close, new { signedBy = "zhao.discipline" }, user: "zhao.discipline")).Single().Code.ShouldBe(DutyErrors.NotVerified);
    }

    private static async Task<IReadOnlyList<FormFieldError>> RefusedAsync(DomainHost host, Guid instance, object submission, string? user = null)
    {
        var refused = await Should.ThrowAsync<EngineException>(async () =>
            await host.Engine.CompleteTaskAsync(await FormTaskAsync(host, instance), Scenario.Variables(submission), user));
        refused.Error.ShouldBe(EngineErrors.InvalidForm);
        return (IReadOnlyList<FormFieldError>)refused.Details!;
    }

    private static async Task<Guid> FormTaskAsync(DomainHost host, Guid instance) =>
        (await host.Engine.Queries.ListTasksAsync(new(InstanceId: instance))).Single(t => t.ElementId == "form").Id;
}
