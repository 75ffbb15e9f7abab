namespace FourDuty.Engine.Time;

/// <summary>A business calendar was asked about a year it has no data for.</summary>
/// <remarks>
/// Thrown instead of guessing: a year without its public holidays and make-up working days would move
/// working-day deadlines by days without anyone noticing. The fix is to add the year to the calendar's data file.
/// </remarks>
public sealed class BusinessCalendarException : Exception
{
    /// <summary>Creates the exception for <paramref name="year"/>, naming the years the calendar covers.</summary>
    public BusinessCalendarException(int year, IReadOnlyCollection<int> coveredYears, string? source)
        : base($"The business calendar has no data for {year}, so it cannot tell working days in that year "
            + $"(it covers {(coveredYears.Count == 0 ? "no year" : string.Join(", ", coveredYears.Order()))}). "
            + $"Add {year}'s public holidays and make-up working days, as the State Council's notice for {year} gives them, to "
            + $"{source ?? "the calendar's data file"}.")
    {
        Year = year;
    }

    /// <summary>The year asked about.</summary>
    public int Year { get; }
}
