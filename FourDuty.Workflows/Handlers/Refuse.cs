using FourDuty.Engine.Forms;

namespace FourDuty.Workflows.Handlers;

/// <summary>
/// A handler given data its completion check would have refused (variables set through the API, a model without the
/// form): it stores nothing and fails with the same messages, which the incident shows.
/// </summary>
internal static class Refuse
{
    public static void IfAny(HandlerInput input, IReadOnlyList<FormFieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"The task '{input.Context.ElementId}' stored nothing: {string.Join(" ", errors.Select(e => $"{e.Key} ({e.Code}): {e.Message}"))} Correct the variables and retry.");
        }
    }
}
