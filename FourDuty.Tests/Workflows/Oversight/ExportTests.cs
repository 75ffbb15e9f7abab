using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using FourDuty.Tests.Engine.Runtime;
using FourDuty.Workflows.Lapses;
using FourDuty.Workflows.Oversight;
using FourDuty.Workflows.Oversight.Documents;
using FourDuty.Workflows.Oversight.Exports;
using MiniExcelLibs;

namespace FourDuty.Tests.Workflows.Oversight;

/// <summary>The ledgers and documents, opened as Excel and Word open them, and compared with the records cell by cell.</summary>
public sealed class ExportTests
{
    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task RectificationLedger_HasOneRowPerFinding_WithEveryRoundVerdictSignOffAndEvidence(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store, start: OversightYear.Today);
        await OversightYear.WriteAsync(host);

        var rows = await WriteAsync(host.Get<Ledgers>().Rectification(new LedgerFilter(Year: 2026)));

        rows[0].ShouldBe(["反馈来源", "反馈意见", "收到日期", "问题序号", "问题", "责任主体", "责任领导", "责任部门", "分管领域", "整改时限", "整改措施", "整改成效",
            "佐证材料", "核查情况", "第一责任人签字", "纪委书记签字", "销号时间", "状态", "预警"]);
        rows.Count.ShouldBe(3);
        var closed = rows[1];
        closed[..10].ShouldBe(["巡察", OversightYear.FeedbackTitle, new DateTime(2026, 4, 10), 1.0, "科研经费报销审核不严", "刘洋（副院长，一岗双责）", "刘洋", "财务处", "财务资产",
            new DateTime(2026, 6, 30)]);
        closed[10].ShouldBe("第1轮：修订科研经费报销审核办法\n第2轮：补充三个月的抽查记录");
        closed[11].ShouldBe("第2轮：抽查120笔，未发现问题");
        closed[12].ShouldBe("https://intranet.college.example/finance/rules-2026");
        closed[13].ShouldBe("第1轮：退回（缺少执行情况的佐证）\n第2轮：通过");
        closed[14].ShouldBe("李明 2026-06-20 09:00");
        closed[15].ShouldBe("赵敏 2026-06-20 09:00");
        closed[16].ShouldBe(new DateTime(2026, 6, 20, 9, 0, 0), "local time, not UTC");
        closed[17..].ShouldBe(["已销号", "绿"]);
        rows[2][4..6].ShouldBe(["学生党员发展程序不规范", "学生党支部（主体责任）"]);
        rows[2][17..].ShouldBe(["整改中", "红"]);

        (await WriteAsync(host.Get<Ledgers>().Rectification(new LedgerFilter(Year: 2026, SubjectId: "branch-students")))).Count.ShouldBe(2, "the user's filter applies");
        (await WriteAsync(host.Get<Ledgers>().Rectification(new LedgerFilter(Year: 2025)))).Count.ShouldBe(1, "headings only");
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task ListsLapsesAndTalks_AreOneRowPerRecord_InTheOrganisationsOrder(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store, start: OversightYear.Today);
        var year = await OversightYear.WriteAsync(host);
        await host.Get<LapseReview>().AnnotateAsync(Guid.Parse(year.WuLapseId), "zhao.discipline", "属无意过失", LapseClass.UnintendedSlip);
        var ledgers = host.Get<Ledgers>();

        var lists = await WriteAsync(ledgers.Lists(new LedgerFilter(Year: 2026)));
        lists[0].ShouldBe(["年度", "责任主体", "清单", "序号", "事项", "具体内容", "责任人", "分管领域", "完成时限", "风险等级", "状态", "预警", "佐证材料"]);
        lists.Skip(1).Select(r => ((string)r[1]!, (string)r[2]!, (double)r[3]!, (string)r[4]!)).ShouldBe(
        [
            ("陈刚（党委副书记，一岗双责）", "责任清单", 1.0, "意识形态工作责任制落实"),
            ("陈刚（党委副书记，一岗双责）", "责任清单", 2.0, "学生党员发展质量检查"),
            ("陈刚（党委副书记，一岗双责）", "责任清单", 3.0, "秋季学期思政课听课"),
            ("吴涛（副院长，一岗双责）", "责任清单", 1.0, "校企合作项目廉洁风险防控"),
            ("吴涛（副院长，一岗双责）", "风险（问题）清单", 1.0, "合作经费使用不规范"),
        ]);
        lists[1][7..].ShouldBe(["宣传思想", new DateTime(2026, 6, 10), null, "未开始", "红", null]);
        lists[2][10..].ShouldBe(["推进中", "黄", "https://intranet.college.example/dj/2026-check"]);
        lists[5][9..12].ShouldBe(["中", "未开始", "绿"]);
        (await WriteAsync(ledgers.Lists(new LedgerFilter(Year: 2026, Kind: FourDuty.Workflows.Lists.ListKind.Risk)))).Count.ShouldBe(2);

        var lapses = await WriteAsync(ledgers.Lapses(new LedgerFilter(Year: 2026)));
        lapses[0][7].ShouldBe("认定（三个区分开来）");
        lapses.Skip(1).Select(r => r[3]).ShouldBe(["提交三张清单", "第一季度自评"]);
        lapses[2][..5].ShouldBe([2026.0, "吴涛（副院长，一岗双责）", "吴涛", "第一季度自评", new DateTime(2026, 4, 15, 9, 0, 0)]);
        lapses[2][7].ShouldBe("为推动发展的无意过失");
        lapses[2][8].ShouldBe("2026-06-20 09:00 赵敏：属无意过失（认定：为推动发展的无意过失）");
        lapses[1][7].ShouldBe("未认定");
        lapses[0][11].ShouldBe("失责环节（流程实例/环节）");
        lapses[2][11].ShouldBe($"{OversightYear.MissedInstance}/selfAssess", "the instance and task the deadline was missed in");
        lapses[1][11].ShouldBeNull("a lapse recorded by hand names no instance");
        (await WriteAsync(ledgers.Lapses(new LedgerFilter(Class: LapseClass.UnintendedSlip)))).Count.ShouldBe(2);

        var talks = await WriteAsync(ledgers.Talks(new LedgerFilter(Year: 2026)));
        talks.Count.ShouldBe(2);
        talks[1].ShouldBe([2026.0, "吴涛（副院长，一岗双责）", "吴涛", "提醒谈话", "李明", "赵敏", "第一季度自评逾期", new DateTime(2026, 5, 8, 10, 0, 0), "党委会议室", "否",
            "已指出问题，吴涛同志表示接受", "1. 两周内补交自评并建立提醒机制（2026-05-22前）", "已谈"]);
    }

    [SkippableTheory]
    [InlineData(TestStore.Sqlite)]
    [InlineData(TestStore.Postgres)]
    public async Task Documents_AreOfficialFormat_AndSayWhatTheRecordsSay(TestStore store)
    {
        await using var host = await DomainHost.StartAsync(store, start: OversightYear.Today);
        var year = await OversightYear.WriteAsync(host);
        var documents = host.Get<ReportDocuments>();

        var report = Open((await documents.RectificationReportAsync(Guid.Parse(year.FeedbackId)))!);
        report.Paragraphs[0].ShouldBe($"关于{OversightYear.FeedbackTitle}整改情况的报告");
        report.Paragraphs[1].ShouldBe("中共示范区教育工作委员会（区委教育工委）：");
        report.Text.ShouldContain("2026年4月10日，学院党委收到巡察反馈意见《2026年区委第二巡察组反馈意见》，共反馈问题2个。");
        report.Paragraphs.ShouldContain("截至2026年6月20日，2个问题中，已整改销号1个，核查通过待销号0个，正在整改1个（其中超过整改时限1个）。形成佐证材料1份。");
        report.Paragraphs.ShouldContain("（一）科研经费报销审核不严");
        report.Paragraphs.ShouldContain("第二轮整改措施：补充三个月的抽查记录。整改成效：抽查120笔，未发现问题。");
        report.Paragraphs.ShouldContain("核查情况：第一轮退回，理由：缺少执行情况的佐证；第二轮通过。");
        report.Paragraphs.ShouldContain("已于2026年6月20日经第一责任人李明、纪委书记赵敏签字销号。");
        report.Paragraphs.ShouldContain("问题2：整改中，整改时限2026年6月15日，已超过时限。");
        report.Paragraphs.TakeLast(2).ShouldBe(["中共示范学院委员会", "2026年6月20日"]);
        report.Fonts.ShouldContain("方正小标宋简体");
        report.Fonts.ShouldContain("仿宋_GB2312");
        report.Fonts.ShouldContain("黑体");
        report.Fonts.ShouldContain("楷体_GB2312");
        (report.Margins.Top!.Value, report.Margins.Bottom!.Value, report.Margins.Left!.Value, report.Margins.Right!.Value).ShouldBe((2098, 1984, 1588u, 1474u));

        var summary = Open(await documents.YearSummaryAsync(2026));
        summary.Paragraphs.Take(2).ShouldBe(["中共示范学院委员会", "2026年度落实“四责协同”机制工作总结"]);
        summary.Text.ShouldContain("陈刚（党委副书记，一岗双责）：责任清单3项、风险（问题）清单0项、措施清单0项，已完成0项、未完成3项（逾期1项）；完成自评1次；述责述廉尚未提交。");
        summary.Text.ShouldContain("吴涛（副院长，一岗双责）：责任清单1项、风险（问题）清单1项、措施清单0项，已完成1项、未完成1项；尚无自评记录；述责述廉尚未提交。");
        summary.Text.ShouldContain("《2026年区委第二巡察组反馈意见》（巡察，2026年4月10日收到）：问题2个，已销号1个");
        summary.Text.ShouldContain("全年记录失责2次");
        summary.Text.ShouldContain("开展约谈提醒1次，已谈1次，待谈0次");
        var order = host.Get<FourDuty.Workflows.Organization.PeopleDirectory>().Current.Subjects.Select(s => s.Name).ToList();
        summary.Paragraphs.Where(p => order.Any(name => p.Contains(name + "：", StringComparison.Ordinal)))
            .Select(p => order.First(name => p.Contains(name + "：", StringComparison.Ordinal))).ShouldBe(order, "every subject, in the organisation's order");
    }

    [Fact]
    public async Task XlsxWriter_WritesAValidWorkbook_OfTenThousandRows()
    {
        var ledger = new Ledger("测试", "test.xlsx", [new("编号"), new("名称"), new("日期")], Rows(10_000));
        using var file = new MemoryStream();

        (await XlsxWriter.WriteAsync(ledger, file)).ShouldBe(10_000);

        file.Position = 0;
        using (var document = SpreadsheetDocument.Open(file, false))
        {
            new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
        }

        file.Position = 0;
        var rows = file.Query().Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(10_001);
        rows[10_000].Values.ShouldBe([9999.0, "第9999条\u0001".Replace("\u0001", ""), new DateTime(2026, 1, 1).AddDays(9999 % 365)]);

        static async IAsyncEnumerable<object?[]> Rows(int count)
        {
            for (var i = 0; i < count; i++)
            {
                await Task.Yield();
                yield return [i, $"第{i}条\u0001", DateOnly.FromDateTime(new DateTime(2026, 1, 1).AddDays(i % 365))];
            }
        }
    }

    /// <summary>Writes the ledger, checks it against the Open XML schema, and reads it back as rows of cells (the heading first).</summary>
    internal static async Task<List<object?[]>> WriteAsync(Ledger ledger)
    {
        using var file = new MemoryStream();
        await XlsxWriter.WriteAsync(ledger, file);
        return Read(file, ledger.Columns.Count);
    }

    internal static List<object?[]> Read(Stream file, int columns)
    {
        file.Position = 0;
        using (var document = SpreadsheetDocument.Open(file, false))
        {
            new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
        }

        file.Position = 0;
        return file.Query().Cast<IDictionary<string, object?>>()
            .Select(row => Enumerable.Range(1, columns).Select(i => row.TryGetValue(XlsxWriter.ColumnName(i), out var v) ? v : null).ToArray()).ToList();
    }

    internal static OpenedDocument Open(OfficialDocument document)
    {
        using var file = new MemoryStream();
        document.Save(file);
        return OpenedDocument.Read(file);
    }
}

/// <summary>A .docx as Word reads it: its paragraphs' text, the fonts used and the page margins; checked against the schema.</summary>
internal sealed record OpenedDocument(IReadOnlyList<string> Paragraphs, IReadOnlySet<string> Fonts, PageMargin Margins)
{
    public string Text => string.Join("\n", Paragraphs);

    public static OpenedDocument Read(Stream file)
    {
        file.Position = 0;
        using var document = WordprocessingDocument.Open(file, false);
        new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
        var body = document.MainDocumentPart!.Document!.Body!;
        return new OpenedDocument(
            body.Elements<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList(),
            body.Descendants<RunFonts>().Select(f => f.EastAsia?.Value).OfType<string>().ToHashSet(),
            (PageMargin)body.Descendants<PageMargin>().Single().CloneNode(true));
    }
}
