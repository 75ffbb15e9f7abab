namespace FourDuty.Engine.Forms;

/// <summary>One choice of a select, radio, checklist or taglist field.</summary>
/// <param name="Value">The value submitted and stored (as text; a number or boolean option value is its JSON text).</param>
/// <param name="Label">What the page shows.</param>
public sealed record FormOption(string Value, string Label);
