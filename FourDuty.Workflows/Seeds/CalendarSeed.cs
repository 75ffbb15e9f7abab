using FourDuty.Engine.Time;

namespace FourDuty.Workflows.Seeds;

/// <summary>Reads the calendar file as the engine checks it, adding the line to a refusal that names a field.</summary>
internal static class CalendarSeed
{
    /// <exception cref="InvalidDataException">The file is missing or breaks a rule; the message names the file, the line and the field.</exception>
    public static (BusinessCalendarData Data, byte[] Bytes) Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException exception)
        {
            throw new InvalidDataException($"{path}: cannot be read ({exception.Message}). Set Engine:CalendarFile to the calendar file.", exception);
        }

        try
        {
            return (BusinessCalendar.Parse(bytes, path), bytes);
        }
        catch (InvalidDataException exception) when (exception.Data[BusinessCalendar.FieldKey] is string field)
        {
            throw new InvalidDataException(exception.Message.Replace($"{path} (", $"{path} line {JsonLineMap.Of(bytes).LineOf(field)} (", StringComparison.Ordinal),
                exception);
        }
    }
}
