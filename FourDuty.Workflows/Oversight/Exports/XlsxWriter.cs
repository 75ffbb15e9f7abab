using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FourDuty.Workflows.Oversight.Exports;

/// <summary>
/// Writes a <see cref="Ledger"/> as an .xlsx workbook with the Open XML SDK's forward-only writer (<see cref="OpenXmlWriter"/>):
/// one row at a time, so memory stays flat however many rows there are. The output is valid under the SDK's own
/// validator and opens in Excel and WPS: a frozen, bold heading row with a filter, column widths, text cells inline,
/// dates and times as real date cells in local time (<c>yyyy-mm-dd</c>, <c>yyyy-mm-dd hh:mm</c>).
/// </summary>
/// <remarks>
/// MiniExcel (used for the audit export) writes an empty <c>drawing</c> element that the SDK's validator refuses; this
/// writer was chosen so that a test can hold every ledger to the schema (decision 0015).
/// </remarks>
public static class XlsxWriter
{
    private const uint HeadingStyle = 1;
    private const uint DateStyle = 2;
    private const uint DateTimeStyle = 3;
    private const uint WrapStyle = 4;

    /// <summary>Writes the ledger to <paramref name="output"/> (a seekable stream: a file, or memory in tests).</summary>
    /// <returns>How many rows were written, the heading not counted.</returns>
    public static async Task<int> WriteAsync(Ledger ledger, Stream output, CancellationToken cancellationToken = default)
    {
        // The package is zipped by hand, part after part (ZipArchiveMode.Create streams each entry out as it is written):
        // the SDK's own package holds every part in memory until it is closed, tens of megabytes for a large sheet.
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Part(zip, "[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
            """);
        Part(zip, "_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Part(zip, "xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
            """);
        Part(zip, "xl/styles.xml", Declaration + Stylesheet().OuterXml);

        var count = 0;
        await using (var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
        {
            using var writer = OpenXmlWriter.Create(sheet);
            writer.WriteStartDocument(true);
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0 }));
            writer.WriteElement(new Columns(ledger.Columns.Select((c, i) =>
                new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true })));
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, 1, ledger.Columns.Select(c => (object?)c.Heading).ToArray(), HeadingStyle);
            await foreach (var row in ledger.Rows.WithCancellation(cancellationToken))
            {
                count++;
                WriteRow(writer, (uint)count + 1, row, null);
            }

            writer.WriteEndElement();
            writer.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(ledger.Columns.Count)}{count + 1}" });
            writer.WriteEndElement();
            writer.Close();
        }

        // The filter's range is a defined name in the workbook, as Excel writes it.
        var workbook = new Workbook(
            new Sheets(new Sheet { Name = ledger.Sheet, SheetId = 1, Id = "rId1" }),
            new DefinedNames(new DefinedName($"'{ledger.Sheet}'!$A$1:${ColumnName(ledger.Columns.Count)}${count + 1}")
            {
                Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true,
            }));
        workbook.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        Part(zip, "xl/workbook.xml", Declaration + workbook.OuterXml);
        return count;
    }

    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(xml.Trim());
    }

    private static void WriteRow(OpenXmlWriter writer, uint index, object?[] cells, uint? style)
    {
        writer.WriteStartElement(new Row { RowIndex = index });
        for (var i = 0; i < cells.Length; i++)
        {
            if (Cell(cells[i], $"{ColumnName(i + 1)}{index}", style) is { } cell)
            {
                writer.WriteElement(cell);
            }
        }

        writer.WriteEndElement();
    }

    private static Cell? Cell(object? value, string reference, uint? style) => value switch
    {
        null => null,
        int number => new Cell { CellReference = reference, CellValue = new CellValue(number), DataType = CellValues.Number, StyleIndex = style },
        DateOnly date => new Cell { CellReference = reference, CellValue = new CellValue(Serial(date.ToDateTime(TimeOnly.MinValue))), StyleIndex = DateStyle },
        DateTime time => new Cell { CellReference = reference, CellValue = new CellValue(Serial(time)), StyleIndex = DateTimeStyle },
        _ => Text(value.ToString() ?? "", reference, style),
    };

    private static Cell Text(string text, string reference, uint? style) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        // Long texts (measures, talk records) wrap; characters XML cannot carry are left out rather than break the file.
        StyleIndex = style ?? (text.Length > 40 || text.Contains('\n') ? WrapStyle : null),
        InlineString = new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static string XmlSafe(string text) =>
        text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? new string(text.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t').ToArray()) : text;

    // Excel's serial date: days since 1899-12-30 (the 1900 leap-year quirk is folded into the epoch).
    private static double Serial(DateTime time) => Math.Round((time - new DateTime(1899, 12, 30)).TotalDays, 8);

    internal static string ColumnName(int number)
    {
        var name = "";
        while (number > 0)
        {
            var rest = (number - 1) % 26;
            name = (char)('A' + rest) + name;
            number = (number - rest - 1) / 26;
        }

        return name;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd hh:mm" })
        { Count = 2 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "等线" }, new FontFamilyNumbering { Val = 2 }, new FontCharSet { Val = 134 }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "等线" }, new FontFamilyNumbering { Val = 2 }, new FontCharSet { Val = 134 }))
        { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Center, WrapText = true })
                { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
                { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true })
        { Count = 5 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
