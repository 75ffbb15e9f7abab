using FourDuty.Engine.Forms;

namespace FourDuty.Workflows.Lists;

/// <summary>
/// The domain's refusals of a submission, in the shape of a form's field errors (<see cref="FormFieldError"/>): a stable
/// <c>DUTY-*</c> code and a message in Chinese first, then English, naming the field and the value.
/// </summary>
public static class DutyErrors
{
#pragma warning disable CS1591 // The names say what each rule is.
    public const string Required = "DUTY-REQUIRED";
    public const string Date = "DUTY-DATE";
    public const string OutsideYear = "DUTY-OUTSIDE-YEAR";
    public const string UnknownPerson = "DUTY-UNKNOWN-PERSON";
    public const string UnknownArea = "DUTY-UNKNOWN-AREA";
    public const string UnknownProjectItem = "DUTY-UNKNOWN-PROJECT-ITEM";
    public const string UnknownSubject = "DUTY-UNKNOWN-SUBJECT";
    public const string UnknownFinding = "DUTY-UNKNOWN-FINDING";
    public const string UnknownItem = "DUTY-UNKNOWN-ITEM";
    public const string NotYourRecord = "DUTY-NOT-YOUR-RECORD";
    public const string UnknownEvidence = "DUTY-UNKNOWN-EVIDENCE";
    public const string EvidenceLink = "DUTY-EVIDENCE-LINK";
    public const string Choice = "DUTY-CHOICE";
    public const string ReasonRequired = "DUTY-REASON-REQUIRED";
    public const string SignOffNotAllowed = "DUTY-SIGNOFF-NOT-ALLOWED";
    public const string NotVerified = "DUTY-NOT-VERIFIED";
#pragma warning restore CS1591

    /// <summary>An error for <paramref name="key"/>.</summary>
    public static FormFieldError At(string key, string code, string chinese, string english) => new(key, LabelOf(key), code, $"{chinese} {english}");

    private static string LabelOf(string key) => key[(key.LastIndexOf('.') + 1)..];
}
