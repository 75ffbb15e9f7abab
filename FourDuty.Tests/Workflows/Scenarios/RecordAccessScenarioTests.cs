using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FourDuty.Tests.Engine.Runtime;
using FourDuty.Tests.Infrastructure;
using FourDuty.Workflows.Lists;
using FourDuty.Workflows.Rectification;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Tests.Workflows.Scenarios;

/// <summary>
/// "The discipline secretary sees everything and can comment, urge and verify, but cannot change another subject's
/// records" (Art. 8), and no leader changes a colleague's: through the HTTP API as the people act, signed in as
/// themselves. 赵敏 (discipline secretary) reads 刘洋's lists, dossier and tasks; every way of changing them — completing
/// his task, a task delegated to her, evidence on his item or finding, the instance's variables, fields her own form does
/// not have — is refused with a Chinese message naming what and why, and the records are as 刘洋 left them. 何静
/// (leadership member) tries the same on her colleague's records. 赵敏's verification, which the model gives her, works.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class RecordAccessScenarioTests
{
    private const string Owner = "liu.vicepresident";
    private const string Discipline = "zhao.discipline";
    private const string Colleague = "he.vicepresident";
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task DisciplineSecretaryAndColleague_ReadButCannotChange_AnotherSubjectsLists(TestStore store)
    {
        await using var year = await CollegeYear.StartAsync(store);
        await year.AdvanceToAsync("2026-01-05T10:00");
        using var office = year.Host.CreateClientFor("zhou.office");
        var prepare = (await year.TasksAsync("prepareProjectList")).Single();
        (await office.PostAsJsonAsync($"/api/tasks/{prepare.Id}/complete", new
        {
            variables = new
            {
                meetingHeldOn = "2026-01-05", listsDueOn = "2026-03-03",
                projectItems = new object[] { new { title = "开展党纪学习教育", area = "宣传思想", dueOn = "2026-06-30" } },
            },
        })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await year.Engine.RunDueWorkAsync();

        // 刘洋 submits his lists, then uploads a piece of evidence for his duty item.
        using var owner = year.Host.CreateClientFor(Owner);
        var ownTask = (await year.TasksAsync("submitLists")).Single(t => t.Assignee == Owner);
        (await owner.PostAsJsonAsync($"/api/tasks/{ownTask.Id}/complete", new
        {
            variables = new
            {
                dutyItems = new object[] { new { title = "修订财务报销制度", dueOn = "2026-09-30", state = "Planned" } },
                riskItems = new object[] { new { title = "报销审核流于形式", level = "高" } },
            },
        })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await year.Engine.RunDueWorkAsync();
        Guid itemId;
        await using (var db = year.Db())
        {
            itemId = (await db.ListItems.SingleAsync(i => i.SubjectId == Owner && i.Title == "修订财务报销制度")).Id;
        }

        await Json(await UploadAsync(owner, ("targetKind", "ListItem"), ("targetId", itemId.ToString())));
        var before = await SnapshotAsync(year);
        before.Links.Count.ShouldBe(1);
        before.Evidence.ShouldHaveSingleItem().ShouldEndWith($":{Owner}:{Owner}", customMessage: "the item's subject is taken from the item");
        var item = before.Items.Single(i => i.Id == itemId);

        // The discipline secretary sees everything: his dossier, his lists' ledger, every open task.
        using var discipline = year.Host.CreateClientFor(Discipline);
        var dossier = await discipline.GetAsync($"/api/oversight/dossiers/{Owner}?year=2026");
        dossier.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await dossier.Content.ReadAsStringAsync()).ShouldContain("修订财务报销制度");
        (await discipline.GetAsync($"/api/oversight/ledgers/lists?year=2026&subjectId={Owner}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var chenTask = (await year.TasksAsync("submitLists")).Single(t => t.Assignee == "chen.deputy");
        (await discipline.GetAsync($"/api/tasks/{chenTask.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await discipline.GetAsync($"/api/tasks/{chenTask.Id}/form")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // ... but completes nobody else's task,
        var foreignTask = await discipline.PostAsJsonAsync($"/api/tasks/{chenTask.Id}/complete", new
        {
            variables = new { dutyItems = new object[] { new { title = "纪委代填" } } },
        });
        await ShouldBeRefused(foreignTask, HttpStatusCode.Forbidden, "只有任务的办理人才能办理此任务");
        // not even one delegated to her: a subject's lists are its own;
        (await year.Host.CreateClientFor("chen.deputy").PostAsJsonAsync($"/api/tasks/{chenTask.Id}/delegate", new { userId = Discipline }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var delegated = await discipline.PostAsJsonAsync($"/api/tasks/{chenTask.Id}/complete", new
        {
            variables = new { dutyItems = new object[] { new { title = "纪委代填" } } },
        });
        var error = await ShouldBeRefused(delegated, HttpStatusCode.UnprocessableEntity, "纪委书记可以提出意见、督促和核查，但不能修改“陈刚");
        (error["key"]!.GetValue<string>(), error["code"]!.GetValue<string>()).ShouldBe(("dutyItems", DutyErrors.NotYourRecord));
        // adds no evidence to his item, whether she names his subject or only the item;
        await ShouldBeRefused(await UploadAsync(discipline, ("subjectId", Owner)), HttpStatusCode.Forbidden, "只能为本人负责的责任主体上传材料");
        await ShouldBeRefused(await UploadAsync(discipline, ("targetKind", "ListItem"), ("targetId", item.Id.ToString())), HttpStatusCode.Forbidden,
            "该清单事项属于“刘洋");
        // and changes no variable of the cycle.
        var put = await discipline.PutAsJsonAsync($"/api/instances/{ownTask.InstanceId}/variables", new { variables = new { listsDueOn = "2026-12-31" } });
        put.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // 何静, a colleague, neither reads his dossier nor changes his item through her own lists or an upload.
        using var colleague = year.Host.CreateClientFor(Colleague);
        await ShouldBeRefused(await colleague.GetAsync($"/api/oversight/dossiers/{Owner}"), HttpStatusCode.Forbidden, "只能查看本人的履责档案");
        await ShouldBeRefused(await colleague.PostAsJsonAsync($"/api/tasks/{chenTask.Id}/complete", new { variables = new { } }), HttpStatusCode.Forbidden,
            "只有任务的办理人才能办理此任务");
        var herTask = (await year.TasksAsync("submitLists")).Single(t => t.Assignee == Colleague);
        var overwrite = await colleague.PostAsJsonAsync($"/api/tasks/{herTask.Id}/complete", new
        {
            variables = new { dutyItems = new object[] { new { id = item.Id.ToString(), title = "已完成（何静改）", state = "Done" } } },
        });
        (await ShouldBeRefused(overwrite, HttpStatusCode.UnprocessableEntity, "这是其他责任主体的清单事项，不能修改"))["key"]!.GetValue<string>()
            .ShouldBe("dutyItems[0].id");
        await ShouldBeRefused(await UploadAsync(colleague, ("targetKind", "ListItem"), ("targetId", item.Id.ToString())), HttpStatusCode.Forbidden,
            "只有其责任人可以添加佐证材料");

        // Nothing of it was stored: his lists and their evidence are as he left them, and the refused tasks are still open.
        var after = await SnapshotAsync(year);
        after.Items.Select(i => (i.Id, i.Title, i.State, i.UpdatedAt)).ShouldBe(before.Items.Select(i => (i.Id, i.Title, i.State, i.UpdatedAt)));
        after.Links.ShouldBe(before.Links);
        after.Evidence.ShouldBe(before.Evidence, "no file from the discipline secretary or the colleague was kept");
        after.OtherItems.ShouldBe(0, "neither the delegated nor the colleague's refused submission stored an item");
        (await year.TasksAsync("submitLists")).Select(t => t.Id).ShouldContain(chenTask.Id);
        (await year.TasksAsync("submitLists")).Select(t => t.Id).ShouldContain(herTask.Id);
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task DisciplineSecretary_VerifiesARectification_ButCannotChangeIt_NorCanAColleague(TestStore store)
    {
        await using var year = await CollegeYear.StartAsync(store, start: "2026-05-11T09:00");
        await year.Engine.StartAsync("feedback-rectification", "巡察反馈/2026");
        await year.Engine.RunDueWorkAsync();
        await year.CompleteAllAsync("enterFeedback", _ => new
        {
            source = "Patrol", title = "区委教育工委第二巡察组反馈意见", receivedOn = "2026-05-11", findings = new object[] { new { text = "财务报销审核把关不严" } },
        }, user: "zhou.office");
        await year.CompleteAllAsync("specialMeeting", _ => new
        {
            meetingHeldOn = "2026-05-12",
            assignments = new object[] { new { finding = 1, subject = Owner, leader = Owner, department = "财务处", deadline = "2026-06-30" } },
        }, user: "zhou.office");
        var rectify = (await year.TasksAsync("rectify")).Single();
        Guid findingId;
        await using (var db = year.Db())
        {
            findingId = (await db.Findings.SingleAsync()).Id;
        }

        using var discipline = year.Host.CreateClientFor(Discipline);
        using var colleague = year.Host.CreateClientFor(Colleague);
        // Before 刘洋 rectifies, neither she nor a colleague can do it for him or add evidence to his finding.
        await ShouldBeRefused(await discipline.PostAsJsonAsync($"/api/tasks/{rectify.Id}/complete", new { variables = new { measures = "纪委代为整改" } }),
            HttpStatusCode.Forbidden, "只有任务的办理人才能办理此任务");
        await ShouldBeRefused(await colleague.PostAsJsonAsync($"/api/tasks/{rectify.Id}/complete", new { variables = new { measures = "代为整改" } }),
            HttpStatusCode.Forbidden, "只有任务的办理人才能办理此任务");
        await ShouldBeRefused(await UploadAsync(discipline, ("targetKind", "Finding"), ("targetId", findingId.ToString())), HttpStatusCode.Forbidden,
            "该问题属于“刘洋");
        await ShouldBeRefused(await UploadAsync(colleague, ("targetKind", "Finding"), ("targetId", findingId.ToString())), HttpStatusCode.Forbidden,
            "只有其责任人可以添加佐证材料");

        using var owner = year.Host.CreateClientFor(Owner);
        (await owner.PostAsJsonAsync($"/api/tasks/{rectify.Id}/complete", new
        {
            variables = new { measures = "逐笔复核报销单据，建立审核台账", outcome = "已整改", evidence = "https://intranet.college.example/cw/ledger" },
        })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await year.Engine.RunDueWorkAsync();

        // Her verification task is hers; it does not carry the rectification's fields, so she cannot rewrite them through it.
        var verify = (await year.TasksAsync("verifyFinding")).Single();
        verify.Assignee.ShouldBe(Discipline);
        var rewrite = await discipline.PostAsJsonAsync($"/api/tasks/{verify.Id}/complete", new
        {
            variables = new { verdict = "accepted", reason = "", measures = "纪委改写的整改措施", evidence = "https://intranet.college.example/other" },
        });
        rewrite.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await rewrite.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray().Select(e => (e!["key"]!.GetValue<string>(), e["code"]!.GetValue<string>()))
            .ShouldBe([("measures", "FORM-UNKNOWN-FIELD"), ("evidence", "FORM-UNKNOWN-FIELD")], ignoreOrder: true);
        // What the model lets her do works: she reads the record and verifies it.
        (await discipline.GetAsync($"/api/oversight/dossiers/{Owner}?year=2026")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await discipline.PostAsJsonAsync($"/api/tasks/{verify.Id}/complete", new { variables = new { verdict = "accepted", reason = "台账齐全" } }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await year.Engine.RunDueWorkAsync();

        await using (var db = year.Db())
        {
            var round = await db.RectificationRounds.SingleAsync();
            (round.Measures, round.Outcome, round.SubjectId).ShouldBe(("逐笔复核报销单据，建立审核台账", "已整改", Owner));
            var verification = await db.Verifications.SingleAsync();
            (verification.Verdict, verification.Reason).ShouldBe((Verdict.Accepted, "台账齐全"));
            var onFinding = await (from link in db.EvidenceLinks
                                   join evidence in db.Evidence on link.EvidenceId equals evidence.Id
                                   where link.TargetKind == EvidenceTarget.Finding && link.TargetId == findingId
                                   select evidence.Url).ToListAsync();
            onFinding.ShouldBe(["https://intranet.college.example/cw/ledger"]);
            (await db.Evidence.CountAsync(e => e.AddedBy == Discipline || e.AddedBy == Colleague)).ShouldBe(0);
        }
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "佐证.pdf");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return await client.PostAsync("/api/evidence", form);
    }

    private static async Task<JsonObject> Json(HttpResponseMessage response)
    {
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Asserts the status and a Chinese message saying why; returns the first field error (or the problem itself).</summary>
    private static async Task<JsonObject> ShouldBeRefused(HttpResponseMessage response, HttpStatusCode status, string chinese)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        var problem = JsonNode.Parse(body)!.AsObject();
        var error = problem["errors"] is JsonArray { Count: > 0 } errors ? errors[0]!.AsObject() : problem;
        var message = error["message"]?.GetValue<string>() ?? problem["detail"]?.GetValue<string>() ?? "";
        message.ShouldContain(chinese, customMessage: body);
        return error;
    }

    private static async Task<Snapshot> SnapshotAsync(CollegeYear year)
    {
        await using var db = year.Db();
        var items = await db.ListItems.AsNoTracking().Where(i => i.SubjectId == Owner).OrderBy(i => i.Order).ToListAsync();
        var ids = items.Select(i => i.Id).ToList();
        var links = await db.EvidenceLinks.AsNoTracking().Where(l => ids.Contains(l.TargetId)).OrderBy(l => l.Id).Select(l => l.EvidenceId + ">" + l.TargetId).ToListAsync();
        var evidence = await db.Evidence.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Id + ":" + e.SubjectId + ":" + e.AddedBy).ToListAsync();
        var others = await db.ListItems.CountAsync(i => i.SubjectId == "chen.deputy" || i.SubjectId == Colleague);
        return new Snapshot(items, links, evidence, others);
    }

    private sealed record Snapshot(List<ListItem> Items, List<string> Links, List<string> Evidence, int OtherItems);
}
