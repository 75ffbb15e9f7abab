using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace FourDuty.Workflows.Oversight.Documents;

/// <summary>
/// A document in the form of Party and government official documents (党政机关公文格式, GB/T 9704-2012), built from
/// parts and written as .docx with the Open XML SDK: A4, margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right; title
/// in 方正小标宋简体 二号 centred; body in 仿宋_GB2312 三号 with a two-character first-line indent and a fixed line
/// pitch of 28.95 pt (22 lines a page); first-level headings (一、) in 黑体, second-level ones (（一）) in 楷体_GB2312; the
/// issuer and the date at the foot, right-aligned; page numbers 宋体 四号 as “— 1 —”.
/// </summary>
/// <remarks>A computer without these fonts shows its own replacements; the names are the ones offices install.</remarks>
public sealed class OfficialDocument
{
    private const string TitleFont = "方正小标宋简体";
    private const string BodyFont = "仿宋_GB2312";
    private const string HeadingFont = "黑体";
    private const string SubheadingFont = "楷体_GB2312";
    private const string PageNumberFont = "宋体";
    private const string BodySize = "32"; // 三号, 16 pt, in half-points
    private const string TitleSize = "44"; // 二号, 22 pt
    private const string LinePitch = "579"; // 28.95 pt in twentieths

    private readonly List<OpenXmlElement> _body = [];

    /// <summary>Creates the document with its title (标题), split over lines at <c>\n</c>.</summary>
    public OfficialDocument(string title)
    {
        Title = title;
        foreach (var line in title.Split('\n'))
        {
            _body.Add(Paragraph(line, TitleFont, TitleSize, JustificationValues.Center, indent: false));
        }

        _body.Add(Paragraph("", BodyFont, BodySize, JustificationValues.Left, indent: false));
    }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>主送机关: the body addressed, flush left, followed by a full-width colon.</summary>
    public OfficialDocument AddRecipient(string recipient)
    {
        _body.Add(Paragraph($"{recipient}：", BodyFont, BodySize, JustificationValues.Left, indent: false));
        return this;
    }

    /// <summary>A body paragraph; text with <c>\n</c> makes several.</summary>
    public OfficialDocument AddParagraph(string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            _body.Add(Paragraph(line.Trim(), BodyFont, BodySize, JustificationValues.Both, indent: true));
        }

        return this;
    }

    /// <summary>A first-level heading, e.g. 一、基本情况 (黑体).</summary>
    public OfficialDocument AddHeading(string text)
    {
        _body.Add(Paragraph(text, HeadingFont, BodySize, JustificationValues.Both, indent: true));
        return this;
    }

    /// <summary>A second-level heading, e.g. （一）问题1 (楷体).</summary>
    public OfficialDocument AddSubheading(string text)
    {
        _body.Add(Paragraph(text, SubheadingFont, BodySize, JustificationValues.Both, indent: true));
        return this;
    }

    /// <summary>The issuer (发文机关署名) and the date (成文日期), right-aligned under the body, a line apart.</summary>
    public OfficialDocument AddSignature(string issuer, DateOnly date)
    {
        _body.Add(Paragraph("", BodyFont, BodySize, JustificationValues.Left, indent: false));
        _body.Add(Paragraph(issuer, BodyFont, BodySize, JustificationValues.Right, indent: false, rightChars: 400));
        _body.Add(Paragraph($"{date.Year}年{date.Month}月{date.Day}日", BodyFont, BodySize, JustificationValues.Right, indent: false, rightChars: 400));
        return this;
    }

    /// <summary>Writes the .docx to <paramref name="output"/> (seekable).</summary>
    public void Save(Stream output)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunProperties(Fonts(BodyFont), new FontSize { Val = BodySize }, new FontSizeComplexScript { Val = BodySize },
                new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphProperties(new SpacingBetweenLines { Line = LinePitch, LineRule = LineSpacingRuleValues.Exact }))));
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = PageNumberFooter();
        var body = new Body(_body.Select(e => e.CloneNode(true)));
        body.Append(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = 11906, Height = 16838 },
            // 37/35/28/26 mm in twentieths of a point (1 mm = 56.7).
            new PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U },
            new DocGrid { Type = DocGridValues.LinesAndChars, LinePitch = 579, CharacterSpace = 0 }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static Paragraph Paragraph(string text, string font, string size, JustificationValues justification, bool indent, int rightChars = 0)
    {
        var properties = new ParagraphProperties(new SpacingBetweenLines { Line = LinePitch, LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" });
        if (indent || rightChars > 0)
        {
            properties.Append(new Indentation
            {
                FirstLineChars = indent ? 200 : null,
                RightChars = rightChars > 0 ? rightChars : null,
            });
        }

        properties.Append(new Justification { Val = justification });
        var paragraph = new Paragraph(properties);
        if (text.Length > 0)
        {
            paragraph.Append(new Run(new RunProperties(Fonts(font), new FontSize { Val = size }, new FontSizeComplexScript { Val = size }),
                new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        }

        return paragraph;
    }

    private static RunFonts Fonts(string font) => new() { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font, Hint = FontTypeHintValues.EastAsia };

    // “— 1 —” in 宋体 四号 (14 pt), centred: a PAGE field between two dashes.
    private static Footer PageNumberFooter()
    {
        RunProperties Props() => new(Fonts(PageNumberFont), new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" });
        return new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(Props(), new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(Props(), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(Props(), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(Props(), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(Props(), new Text("1")),
            new Run(Props(), new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(Props(), new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));
    }
}
