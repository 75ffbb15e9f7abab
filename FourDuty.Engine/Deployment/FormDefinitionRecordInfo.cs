namespace FourDuty.Engine.Deployment;

/// <summary>Which form version a task uses.</summary>
/// <param name="Id">The form version's id.</param>
/// <param name="Key">The file name.</param>
/// <param name="Version">The version.</param>
/// <param name="Json">The form-js JSON.</param>
public sealed record FormDefinitionRecordInfo(Guid Id, string Key, int Version, string Json);
