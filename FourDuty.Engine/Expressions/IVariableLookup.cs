using FourDuty.Engine.Variables;

namespace FourDuty.Engine.Expressions;

/// <summary>Where an expression finds the variables it names, and the instant it takes for now.</summary>
internal interface IVariableLookup
{
    /// <summary>
    /// What <c>now()</c>, <c>workdays(n)</c> and <c>new Date()</c> return: the step's instant, so that everything
    /// one step computes (a task's creation, its due date, its timers) counts from the same moment; null reads the clock.
    /// </summary>
    DateTimeOffset? Now { get; }

    bool TryGet(string name, out VariableValue value);
}
