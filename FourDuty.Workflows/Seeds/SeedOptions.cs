namespace FourDuty.Workflows.Seeds;

/// <summary>The seed files loaded at start (configuration <c>Seeds:Organization</c> and <c>Engine:CalendarFile</c>); relative paths are read from the program's folder.</summary>
public sealed class SeedOptions
{
    /// <summary>The organisation: people, units, subjects, cadre authority.</summary>
    public string Organization { get; set; } = "seeds/organization.json";

    /// <summary>The working-day calendar's first default.</summary>
    public string Calendar { get; set; } = "seeds/calendar/cn-2026-2027.json";

    /// <summary><paramref name="path"/> as given when absolute, else next to the program (where the build copies <c>seeds/</c>).</summary>
    public static string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
}
