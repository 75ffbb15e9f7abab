namespace FourDuty.Engine.Forms;

/// <summary>One invalid field of a submission.</summary>
/// <param name="Key">
/// Where the value sits in the submitted data: the field's key (<c>score</c>, <c>address.street</c>), with the entry
/// index inside dynamic lists (<c>measures[1].deadline</c>); for an unknown field, the key that was submitted.
/// </param>
/// <param name="Label">The field's label (its key when it has none), for the page to show.</param>
/// <param name="Code">The rule broken, one of <see cref="FormCodes"/>; stable, for pages to translate.</param>
/// <param name="Message">An English sentence naming the field and the rule, e.g. <c>'Deadline' must be a date such as 2026-05-01; given '1 May'.</c></param>
public sealed record FormFieldError(string Key, string Label, string Code, string Message);
