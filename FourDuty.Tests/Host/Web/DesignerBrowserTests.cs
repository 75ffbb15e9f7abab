using System.Text.Json;
using FourDuty.Engine.Bpmn;
using FourDuty.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FourDuty.Tests.Host.Web;

/// <summary>The designer in a real browser against the real Host: edit, lint, validate, deploy with a diff, save as Camunda Modeler reads it.</summary>
[Collection(HostCollection.Name)]
public sealed class DesignerBrowserTests
{
    [SkippableFact]
    public async Task Designer_DeploysNewVersionWithDiff_AfterDeadlineChangedAndLintProblemFixed()
    {
        await using var host = new FourDutyHostFactory();
        await using var browser = await BrowserSession.StartAsync(host);
        using var api = await WebFixtures.OpenDeadlineReminderAsync(browser);
        var page = browser.Page;
        await browser.ScreenshotAsync("designer-opened");

        // The deadline: the task's due date and the timer that fires at it, in the properties panel.
        await SelectAsync(page, "SubmitLists");
        await OpenGroupAsync(page, "group-CamundaPlatform__UserAssignment", "#bio-properties-panel-dueDate");
        await FillAsync(page, "#bio-properties-panel-dueDate", "${workdays(7)}");
        await SelectAsync(page, "DeadlineTimer");
        await OpenGroupAsync(page, "group-timer", "#bio-properties-panel-timerEventDefinitionValue");
        await FillAsync(page, "#bio-properties-panel-timerEventDefinitionValue", "下周五");

        var problem = page.Locator(".fd-problem[data-source=browser][data-element-id=DeadlineTimer][data-code=BPMN-060]");
        await page.Locator("#fd-tab-side-problems").ClickAsync();
        await problem.WaitForAsync();
        (await page.Locator(".djs-overlays[data-container-id=DeadlineTimer] .bjsl-overlay").CountAsync()).ShouldBe(1, "the problem is marked on the element");
        await browser.ScreenshotAsync("designer-lint-problem");

        await page.Locator("#fd-tab-side-properties").ClickAsync();
        await FillAsync(page, "#bio-properties-panel-timerEventDefinitionValue", "${workdays(7)}");
        await problem.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        await page.Locator("#fd-deploy").ClickAsync();
        var dialog = page.Locator(".fd-deploy-dialog");
        await dialog.WaitForAsync();
        var diff = await dialog.InnerTextAsync();
        diff.ShouldContain("SubmitLists");
        diff.ShouldContain("DeadlineTimer");
        await browser.ScreenshotAsync("designer-deploy-diff");
        await page.Locator("#fd-deploy-confirm").ClickAsync();
        await page.Locator(".fd-status").GetByText("第 2 版").WaitForAsync();
        await browser.ScreenshotAsync("designer-deployed");

        // Saved as Camunda Modeler writes it: the server's parser reads it, the camunda: attributes and the diagram are kept.
        var xml = await api.GetStringAsync("/api/definitions/deadline-reminder/xml?version=2");
        var parsed = new BpmnParser().Parse(xml);
        parsed.Errors.ShouldBeEmpty();
        var task = parsed.Model!.ExecutableProcesses.Single().AllFlowNodes.OfType<UserTask>().Single();
        task.Assignee!.Source.ShouldBe("chen.deputy");
        task.DueDate!.Source.ShouldBe("${workdays(7)}");
        task.FormKey.ShouldBe("camunda-forms:deployment:lists.form");
        xml.ShouldContain("camunda:dueDate=\"${workdays(7)}\"");
        xml.ShouldContain("xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"");
        xml.ShouldContain("<camunda:property name=\"aboutTask\" value=\"SubmitLists\" />");
        xml.ShouldContain("camunda:type=\"mail\"");
        xml.ShouldContain("bpmndi:BPMNShape");
        var forms = JsonDocument.Parse(await api.GetStringAsync("/api/definitions/deadline-reminder/forms?version=2")).RootElement;
        forms.EnumerateArray().Select(f => f.GetProperty("key").GetString()).ShouldBe(["lists.form"]);
        browser.ConsoleErrors.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Designer_FlagsTheSameElementsAsTheServer_WhenTheServerRefusesAModel()
    {
        await using var host = new FourDutyHostFactory();
        await using var browser = await BrowserSession.StartAsync(host);
        var page = browser.Page;

        await browser.GoAsync("/designer");
        await page.Locator("#fd-open-file").SetInputFilesAsync(WebFixtures.Path("refused.bpmn"));
        await page.Locator(".djs-element[data-element-id=Orphan]").WaitForAsync();
        await page.Locator("#fd-validate").ClickAsync();
        await page.Locator(".fd-problem[data-source=server]").First.WaitForAsync();
        await browser.ScreenshotAsync("designer-server-problems");

        var server = await Problems(page, "server");
        var inBrowser = await Problems(page, "browser");
        server.ShouldNotBeEmpty();
        server.ShouldContain("Flow_no BPMN-042");
        server.ShouldContain("Notify BPMN-083");
        server.ShouldContain("Wait BPMN-060");
        server.ShouldContain("Orphan BPMN-030");
        inBrowser.ShouldBe(server, ignoreOrder: true);
        (await page.Locator(".djs-element.fd-server-problem[data-element-id=Notify]").CountAsync()).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Designer_AppliesTheReminderTemplate_AndTheMissingImplementationIsGone()
    {
        await using var host = new FourDutyHostFactory();
        await using var browser = await BrowserSession.StartAsync(host);
        var page = browser.Page;
        await browser.GoAsync("/designer");
        await page.Locator("#fd-open-file").SetInputFilesAsync(WebFixtures.Path("refused.bpmn"));
        await page.Locator(".djs-element[data-element-id=Notify]").WaitForAsync();
        var missing = page.Locator(".fd-problem[data-source=browser][data-element-id=Notify][data-code=BPMN-083]");
        await missing.WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await SelectAsync(page, "Notify");
        await page.Locator(".bio-properties-panel-select-template-button").ClickAsync();
        await page.Locator(".djs-popup").GetByText("期限前提醒邮件").ClickAsync();
        const string aboutTask = "[id='bio-properties-panel-custom-entry-fourduty.deadline-reminder-1']";
        await page.Locator($".bio-properties-panel-group:has({aboutTask}) .bio-properties-panel-group-header").ClickAsync();
        await FillAsync(page, aboutTask, "Orphan");

        await missing.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        (await page.Locator(".bio-properties-panel-header").InnerTextAsync()).ShouldContain("期限前提醒邮件");
        await browser.ScreenshotAsync("designer-template-applied");
        browser.ConsoleErrors.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Designer_OpensADeployedTaskForm_InTheFormEditor()
    {
        await using var host = new FourDutyHostFactory();
        await using var browser = await BrowserSession.StartAsync(host);
        using var api = await WebFixtures.OpenDeadlineReminderAsync(browser);
        var page = browser.Page;

        await page.Locator("#fd-tab-view-forms").ClickAsync();
        await page.Locator("#fd-form-select").SelectOptionAsync("lists.form");

        await page.Locator(".fjs-editor-container").GetByText("责任清单").First.WaitForAsync();
        await browser.ScreenshotAsync("designer-form-editor");
        browser.ConsoleErrors.ShouldBeEmpty();
    }

    private static async Task<List<string>> Problems(IPage page, string source)
    {
        var found = new List<string>();
        foreach (var item in await page.Locator($".fd-problem[data-source={source}]").AllAsync())
        {
            found.Add($"{await item.GetAttributeAsync("data-element-id")} {await item.GetAttributeAsync("data-code")}");
        }

        return found.Distinct().ToList();
    }

    private static async Task SelectAsync(IPage page, string elementId)
    {
        await page.Locator("#fd-tab-side-properties").ClickAsync();
        await page.EvaluateAsync("id => document.querySelector(`.djs-element[data-element-id=\"${id}\"] .djs-hit`).dispatchEvent(new MouseEvent('click', { bubbles: true }))", elementId);
        await page.Locator($".bio-properties-panel-header-label:has-text(\"{elementId}\"), .bio-properties-panel-header").First.WaitForAsync();
    }

    private static async Task OpenGroupAsync(IPage page, string groupId, string field)
    {
        if (!await page.Locator(field).IsVisibleAsync())
        {
            await page.Locator($"[data-group-id={groupId}] .bio-properties-panel-group-header").ClickAsync();
        }

        await page.Locator(field).WaitForAsync();
    }

    private static async Task FillAsync(IPage page, string field, string value)
    {
        await page.Locator(field).FillAsync(value);
        await page.Locator(field).PressAsync("Tab");
    }
}
