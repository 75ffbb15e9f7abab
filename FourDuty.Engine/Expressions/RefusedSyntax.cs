using System.Collections.Frozen;
using Acornima.Ast;

namespace FourDuty.Engine.Expressions;

/// <summary>
/// What an expression may not use, found when the model is read so that a deployment names it (element id, line)
/// instead of an incident at run time: module imports, and the globals the sandbox removes (<see cref="SandboxBuiltins"/>).
/// </summary>
internal static class RefusedSyntax
{
    private static readonly FrozenSet<string> Absent = new HashSet<string>(StringComparer.Ordinal)
    {
        "eval", "ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics", "WeakRef", "FinalizationRegistry", "ShadowRealm",
        "Temporal", "WebAssembly", "importNamespace", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array",
        "Int32Array", "Uint32Array", "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Why the expression cannot run in the sandbox, or null.</summary>
    public static string? Find(Node expression)
    {
        if (Contains<ImportExpression>(expression))
        {
            return "imports a module; expressions cannot import anything";
        }

        var absent = FreeIdentifiers.Of(expression).FirstOrDefault(Absent.Contains);
        return absent is null ? null : $"uses '{absent}', which the expression sandbox does not offer (no code from strings, no binary buffers, no .NET)";
    }

    private static bool Contains<T>(Node node) where T : Node =>
        node is T || node.ChildNodes.Any(Contains<T>);
}
