using System.Collections.Frozen;

namespace FourDuty.Workflows.Lists;

/// <summary>The file types evidence may have: the media type each extension is stored with, and the bytes a real file of it starts with.</summary>
internal static class EvidenceFileTypes
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly FrozenDictionary<string, (string MediaType, byte[] Magic)> Known = new Dictionary<string, (string MediaType, byte[] Magic)>(StringComparer.OrdinalIgnoreCase)
    {
        ["pdf"] = ("application/pdf", Pdf),
        ["ofd"] = ("application/ofd", Zip),
        ["jpg"] = ("image/jpeg", Jpeg),
        ["jpeg"] = ("image/jpeg", Jpeg),
        ["png"] = ("image/png", Png),
        ["docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip),
        ["xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip),
        ["pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", Zip),
        ["doc"] = ("application/msword", Ole),
        ["xls"] = ("application/vnd.ms-excel", Ole),
        ["ppt"] = ("application/vnd.ms-powerpoint", Ole),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The media type of a file named <paramref name="fileName"/> with <paramref name="bytes"/>, or null when its type is not allowed or its bytes do not match it.</summary>
    public static string? MediaTypeOf(string fileName, ReadOnlySpan<byte> bytes, IEnumerable<string> allowed)
    {
        var extension = Path.GetExtension(fileName).TrimStart('.');
        return allowed.Contains(extension, StringComparer.OrdinalIgnoreCase) && Known.TryGetValue(extension, out var type) && bytes.StartsWith(type.Magic)
            ? type.MediaType
            : null;
    }
}
