using System.Text.Json.Nodes;
using FourDuty.Engine.Runtime;
using FourDuty.Workflows.Persistence;
using FourDuty.Workflows.Years;
using Microsoft.EntityFrameworkCore;

namespace FourDuty.Workflows.Handlers;

/// <summary>
/// <c>duty.openYear</c>: opens the duty year in <c>year</c> (default: the year of today in the engine's zone), from
/// 1 January to 31 December; opening it again changes nothing. Out: <c>year</c>.
/// </summary>
internal sealed class OpenYearHandler(DutyWrites writes, EngineOptions engine) : DutyWriteHandler(writes)
{
    public override string Type => "duty.openYear";

    protected override async Task<IReadOnlyDictionary<string, JsonNode?>> WriteAsync(HandlerInput input, DutyDbContext db, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var year = HandlerInput.YearOf(input.Value("year")) ?? TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(engine.TimeZone)).Year;
        if (!await db.Years.AnyAsync(y => y.Year == year, cancellationToken))
        {
            db.Years.Add(DutyWrites.New(new DutyYear { Year = year, StartsOn = new DateOnly(year, 1, 1), EndsOn = new DateOnly(year, 12, 31) },
                input.Context, now));
        }

        return DutyWrites.Vars(("year", year));
    }
}
