using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using FourDuty.Engine.Runtime.State;

namespace FourDuty.Engine.Persistence.EntityFramework;

/// <summary>
/// The history events one step recorded in one instance, stored as one row (decision 0031): a step that takes five
/// flows writes one row instead of ten, each with its own index entries. The events keep the order the step recorded
/// them in; rows are ordered by their id, the id of their first event (time-ordered).
/// </summary>
internal sealed class HistoryStepRecord
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    /// <summary>The step's time, which every event of the row shares.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The events as a JSON array: <c>[{"id", "type", "element", "token", "subject", "details"}]</c>.</summary>
    public string Events { get; set; } = "[]";

    /// <summary>One row for the events of one instance in one step, in the order they were recorded.</summary>
    public static HistoryStepRecord Pack(IReadOnlyList<HistoryRecord> events)
    {
        var buffer = new ArrayBufferWriter<byte>(128 * events.Count);
        // Chinese stays readable in psql; the column is read as data, never written into a page as it is.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var e in events)
            {
                json.WriteStartObject();
                json.WriteString("id", e.Id);
                json.WriteString("type", e.Type.ToString());
                WriteIfAny(json, "element", e.ElementId);
                if (e.TokenId is { } token)
                {
                    json.WriteString("token", token);
                }

                if (e.SubjectId is { } subject)
                {
                    json.WriteString("subject", subject);
                }

                WriteIfAny(json, "details", e.Details);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return new HistoryStepRecord
        {
            Id = events[0].Id,
            InstanceId = events[0].InstanceId,
            At = events[0].At,
            Events = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan),
        };
    }

    /// <summary>The row's events, in the order the step recorded them.</summary>
    public IEnumerable<HistoryRecord> Unpack()
    {
        using var document = JsonDocument.Parse(Events);
        var events = new List<HistoryRecord>(document.RootElement.GetArrayLength());
        foreach (var e in document.RootElement.EnumerateArray())
        {
            events.Add(new HistoryRecord
            {
                Id = e.GetProperty("id").GetGuid(),
                InstanceId = InstanceId,
                At = At,
                Type = Enum.Parse<HistoryEventType>(e.GetProperty("type").GetString()!),
                ElementId = Text(e, "element"),
                TokenId = Text(e, "token") is { } token ? Guid.Parse(token) : null,
                SubjectId = Text(e, "subject") is { } subject ? Guid.Parse(subject) : null,
                Details = Text(e, "details"),
            });
        }

        return events;
    }

    private static void WriteIfAny(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    // Rows moved from the old one-event-per-row table may carry nulls; rows written since leave them out.
    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
