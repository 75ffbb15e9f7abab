using FourDuty.Engine.Runtime.Variables;

namespace FourDuty.Engine.Expressions;

/// <summary>Where an expression finds the variables it names.</summary>
internal interface IVariableLookup
{
    bool TryGet(string name, out VariableValue value);
}
