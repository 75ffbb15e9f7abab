using FourDuty.Engine.Deployment;
using FourDuty.Engine.Forms;

namespace FourDuty.Engine.Runtime.Tasks;

/// <summary>The form a user task asks to be filled in.</summary>
/// <param name="Definition">Which form version.</param>
/// <param name="Schema">The parsed form, with its fields.</param>
public sealed record TaskForm(FormDefinitionRecordInfo Definition, FormSchema Schema);
