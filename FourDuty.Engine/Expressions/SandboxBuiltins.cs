using System.Globalization;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace FourDuty.Engine.Expressions;

/// <summary>
/// What the sandbox changes in a realm's built-ins: globals an expression has no use for and that escape the limits
/// are removed, built-ins that make a large string in one call check its length first, and — for the pooled engines —
/// every built-in reachable from the realm is frozen, so no evaluation can change what a later one sees.
/// </summary>
/// <remarks>
/// Jint checks the time, statement and memory limits between statements and inside built-ins' loops, but a single
/// allocation (<c>'x'.repeat(3e8)</c>, <c>new ArrayBuffer(1e9)</c>) happens before any check, and
/// <c>Atomics.wait</c> blocks the thread past the time limit. Those are what this class closes.
/// </remarks>
internal static class SandboxBuiltins
{
    // Binary buffers allocate their size at once and Atomics.wait blocks; WeakRef and FinalizationRegistry run code
    // after the evaluation ends; ShadowRealm and eval compile strings (refused anyway, gone to say so plainly);
    // Temporal is a large surface that expressions do not need (they have Date, now() and workdays()).
    private static readonly string[] Removed =
    [
        "ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics", "TypedArray", "Int8Array", "Uint8Array", "Uint8ClampedArray",
        "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float16Array", "Float32Array", "Float64Array",
        "BigInt64Array", "BigUint64Array", "WeakRef", "FinalizationRegistry", "ShadowRealm", "Temporal", "eval",
    ];

    // Intrinsics that only syntax reaches (generator and async function prototypes, the iterator prototypes): the walk
    // from the global object would not find them.
    private const string HiddenIntrinsics = """
        [function* () {}, async function () {}, async function* () {}, () => {}, class {},
         [][Symbol.iterator](), new Map()[Symbol.iterator](), new Set()[Symbol.iterator](), ''[Symbol.iterator](),
         /a/[Symbol.matchAll](''), [].entries(), Promise.resolve(), (function () { return arguments; })()]
        """;

    // Properties that ordinary code assigns on its own objects and that a frozen prototype would make read-only by
    // inheritance ("the override mistake": o.toString = ... fails when Object.prototype.toString is frozen).
    private static readonly string[] Overridable = ["toString", "valueOf", "toLocaleString", "constructor", "name", "message"];

    /// <summary>Removes the unsafe globals and installs the length-checked built-ins.</summary>
    /// <param name="engine">A new engine, before any model code ran in it.</param>
    /// <param name="options">The limits.</param>
    public static void Guard(Jint.Engine engine, ExpressionOptions options)
    {
        foreach (var name in Removed)
        {
            engine.Global.Delete(name);
        }

        var limit = (long)options.MaxStringLength;
        var strings = (ObjectInstance)engine.Evaluate("String.prototype");
        Wrap(engine, strings, "repeat", 1, (self, args) =>
            Text(self).Length * Math.Max(0, TypeConverter.ToIntegerOrInfinity(args.At(0))));
        Wrap(engine, strings, "padStart", 2, (_, args) => TypeConverter.ToIntegerOrInfinity(args.At(0)));
        Wrap(engine, strings, "padEnd", 2, (_, args) => TypeConverter.ToIntegerOrInfinity(args.At(0)));
        Wrap(engine, strings, "concat", 1, (self, args) => Text(self).Length + args.Sum(a => (double)Text(a).Length));
        Wrap(engine, strings, "replace", 2, (self, args) => ReplacedLength(Text(self).Length, args.At(1)));
        Wrap(engine, strings, "replaceAll", 2, (self, args) => ReplacedLength(Text(self).Length, args.At(1)));
        // JSON.stringify runs toJSON, getters and a replacer function as it goes, each of which may return a large value:
        // they are run first, into a copy made of plain objects, arrays and primitives that is counted as it is made,
        // and the built-in serialises the copy.
        var json = (ObjectInstance)engine.Evaluate("JSON");
        var stringify = json.Get("stringify");
        Replace(engine, json, "stringify", 3, (_, args) =>
        {
            var copy = new JsonCopy(engine, args.At(1), !args.At(2).IsUndefined() && !args.At(2).IsNull(), limit);
            var holder = new JsObject(engine);
            holder.DefineOwnProperty("", new PropertyDescriptor(args.At(0), PropertyFlag.ConfigurableEnumerableWritable));
            var plain = copy.Resolve(holder, "", args.At(0), 0);
            return engine.Call(stringify, json, [plain, copy.PassedReplacer, args.At(2)]);
        });

        // A regular expression's replace (what String.prototype.replace calls for a RegExp, and what an expression can
        // call itself as /x/g[Symbol.replace]): a group may capture up to the whole input at every match when the
        // pattern looks ahead or behind, since matches then overlap what the groups capture.
        var regExps = (ObjectInstance)engine.Evaluate("RegExp.prototype");
        var replaceSymbol = engine.Evaluate("Symbol.replace");
        WrapKey(engine, regExps, replaceSymbol, "[Symbol.replace]", 2, (self, args) =>
            ReplacedLength(Text(args.At(0)).Length, args.At(1), LooksAround(self)));

        // Built-ins that make their result one piece at a time: each is counted as it grows, so that the whole result
        // never exists when it is over the limit (Jint's join alone made a 960 MB string of 120 pieces of 8 MB).
        var joining = new Joining(new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance), (Jint.Native.Error.ErrorConstructor)engine.Global.Get("RangeError"));
        var arrays = (ObjectInstance)engine.Evaluate("Array.prototype");
        Replace(engine, arrays, "join", 1, (self, args) =>
            Join(engine, joining, self, args.At(0), JsString.Create(","), limit, "join", element => Text(element)));
        Replace(engine, arrays, "toLocaleString", 0, (self, args) =>
        {
            JsValue[] passed = [args.At(0), args.At(1)];
            return Join(engine, joining, self, JsValue.Undefined, JsString.Create(","), limit, "toLocaleString",
                element => Text(engine.Call(ToObject(engine, element).Get("toLocaleString"), element, passed)));
        });
        Replace(engine, (ObjectInstance)engine.Evaluate("String"), "raw", 1, (_, args) => Raw(engine, args, limit));

        // Built-ins whose result is at most a known number of times longer than their argument.
        Wrap(engine, engine.Global, "escape", 1, (_, args) => Expanded(Text(args.At(0)), ascii: 3, other: 6));
        Wrap(engine, engine.Global, "encodeURI", 1, (_, args) => Expanded(Text(args.At(0)), ascii: 3, other: 9));
        Wrap(engine, engine.Global, "encodeURIComponent", 1, (_, args) => Expanded(Text(args.At(0)), ascii: 3, other: 9));
        // Unicode's bounds on how much normalisation expands a string: 3 times for NFC, 4 for NFD, 18 for NFKC and NFKD.
        Wrap(engine, strings, "normalize", 0, (self, args) => Expanded(Text(self), ascii: 1, other: Text(args.At(0)) switch
        {
            "NFD" => 4,
            "NFKC" or "NFKD" => 18,
            _ => 3,
        }));

        // A string's characters are its index properties: Object.getOwnPropertyDescriptors of a 4 M-character string made
        // 4 M descriptor objects (2.8 GB in 12 s, past the time limit), Object.keys 4 M keys (310 MB) before a check.
        // These built-ins refuse a string (or String object) with more characters than the memory limit allows such
        // properties (one per 256 bytes). Spread ({...text}) does the same, through the function below.
        var characters = options.MaxMemoryBytes / 256;
        var objects = (ObjectInstance)engine.Evaluate("Object");
        foreach (var name in new[] { "keys", "values", "entries", "getOwnPropertyNames", "getOwnPropertyDescriptors", "assign" })
        {
            Guarded(engine, objects, name, characters);
        }

        Guarded(engine, (ObjectInstance)engine.Evaluate("Reflect"), "ownKeys", characters);

        // Spread ({...text}, [...text], f(...text)) is syntax, not a built-in: the code is rewritten to pass each spread value
        // through this function first (SpreadGuard), which refuses a string as those built-ins do.
        engine.Global.DefineOwnProperty(SpreadGuard.Function, new PropertyDescriptor(new ClrFunction(engine, SpreadGuard.Function, (_, args) =>
        {
            RefuseLongText(args.At(0), "spread (...)", characters);
            return args.At(0);
        }, 1), PropertyFlag.NonEnumerable));

        static void Guarded(Jint.Engine target, ObjectInstance owner, string name, long characters)
        {
            var original = owner.Get(name);
            var length = (int)TypeConverter.ToNumber(((ObjectInstance)original).Get("length"));
            owner.Set(name, new ClrFunction(target, name, (self, args) =>
            {
                foreach (var argument in args)
                {
                    RefuseLongText(argument, $"{name}()", characters);
                }

                return target.Call(original, self, args);
            }, length));
        }

        static void RefuseLongText(JsValue argument, string what, long characters)
        {
            var text = argument.IsString() ? argument.AsString()
                : argument is ObjectInstance boxed && boxed.GetType().Name == "StringInstance" ? Text(boxed) : null;
            if (text is not null && text.Length > characters)
            {
                throw new ExpressionException(what, string.Create(CultureInfo.InvariantCulture,
                    $"{what} would make a property of each of {text.Length:N0} characters; the sandbox allows {characters:N0} (one per 256 bytes of Engine:Expressions:MaxMemoryBytes)"));
            }
        }

        void Wrap(Jint.Engine target, ObjectInstance owner, string name, int length, Func<JsValue, JsValue[], double> resultLength) =>
            WrapKey(target, owner, JsString.Create(name), name, length, resultLength);

        void WrapKey(Jint.Engine target, ObjectInstance owner, JsValue key, string name, int length, Func<JsValue, JsValue[], double> resultLength)
        {
            var original = owner.Get(key);
            owner.Set(key, new ClrFunction(target, name, (self, args) =>
            {
                var size = resultLength(self, args);
                if (size > limit)
                {
                    throw new ExpressionException(name, string.Create(CultureInfo.InvariantCulture,
                        $"{name}() would make a string of about {size:N0} characters; the sandbox allows {limit:N0} (Engine:Expressions:MaxStringLength)"));
                }

                // A nested call keeps the running evaluation's limits (Jint re-arms them only at the outermost entry).
                return target.Call(original, self, args);
            }, length));
        }

        static void Replace(Jint.Engine target, ObjectInstance owner, string name, int length, Func<JsValue, JsValue[], JsValue> implementation) =>
            owner.Set(name, new ClrFunction(target, name, (self, args) => implementation(self, args), length));
    }

    /// <summary>
    /// Array.prototype.join and toLocaleString as the standard has them (length first, then the separator; null and
    /// undefined as empty; a cycle as empty), counting the result's length as it grows and refusing past the limit.
    /// </summary>
    private static JsValue Join(Jint.Engine engine, Joining joining, JsValue self, JsValue separator, JsString comma, long limit,
        string name, Func<JsValue, string> text)
    {
        var array = ToObject(engine, self);
        var length = TypeConverter.ToLength(array.Get("length"));
        var between = separator.IsUndefined() ? comma.ToString() : Text(separator);
        if (length == 0)
        {
            return JsString.Empty;
        }

        // Nested arrays recurse through toString and this function without any call that Jint counts.
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JavaScriptException(joining.RangeError, "Maximum call stack size exceeded");
        }

        if (!joining.Arrays.Add(array))
        {
            return JsString.Empty;
        }

        try
        {
            var result = new System.Text.StringBuilder();
            for (ulong index = 0; index < length; index++)
            {
                if (index % 1024 == 1023)
                {
                    engine.Constraints.Check();
                }

                if (index > 0)
                {
                    Grow(result, between, limit, name);
                }

                var element = array.Get(JsString.Create(index.ToString(CultureInfo.InvariantCulture)));
                if (!element.IsNull() && !element.IsUndefined())
                {
                    Grow(result, text(element), limit, name);
                }
            }

            return JsString.Create(result.ToString());
        }
        finally
        {
            joining.Arrays.Remove(array);
        }
    }

    /// <summary>String.raw as the standard has it, counting the result's length as it grows.</summary>
    private static JsValue Raw(Jint.Engine engine, JsValue[] args, long limit)
    {
        var literals = ToObject(engine, ToObject(engine, args.At(0)).Get("raw"));
        var count = TypeConverter.ToLength(literals.Get("length"));
        var result = new System.Text.StringBuilder();
        for (ulong index = 0; index < count; index++)
        {
            if (index % 1024 == 1023)
            {
                engine.Constraints.Check();
            }

            Grow(result, Text(literals.Get(JsString.Create(index.ToString(CultureInfo.InvariantCulture)))), limit, "raw");
            if (index + 1 < count && index + 1 < (ulong)args.Length)
            {
                Grow(result, Text(args[(int)index + 1]), limit, "raw");
            }
        }

        return JsString.Create(result.ToString());
    }

    // ToObject of the standard: an object as it is, a primitive boxed; null and undefined a TypeError.
    private static ObjectInstance ToObject(Jint.Engine engine, JsValue value)
    {
        if (value is ObjectInstance instance)
        {
            return instance;
        }

        if (value.IsNull() || value.IsUndefined())
        {
            throw new JavaScriptException(engine.Intrinsics.TypeError, "Cannot convert undefined or null to object");
        }

        return (ObjectInstance)engine.Call(engine.Intrinsics.Object, JsValue.Undefined, [value]);
    }

    private static void Grow(System.Text.StringBuilder result, string piece, long limit, string name)
    {
        if ((long)result.Length + piece.Length > limit)
        {
            throw new ExpressionException(name, string.Create(CultureInfo.InvariantCulture,
                $"{name}() would make a string of more than {limit:N0} characters; the sandbox allows {limit:N0} (Engine:Expressions:MaxStringLength)"));
        }

        result.Append(piece);
    }

    // The longest result of a built-in that turns each character into at most `ascii` or `other` characters.
    private static double Expanded(string text, int ascii, int other)
    {
        double total = 0;
        foreach (var c in text)
        {
            total += c < 0x80 ? ascii : other;
        }

        return total;
    }

    private static bool LooksAround(JsValue regExp) =>
        regExp is ObjectInstance pattern && System.Text.RegularExpressions.Regex.IsMatch(Text(pattern.Get("source")), @"\(\?<?[=!]");

    /// <summary>Freezes every built-in of the engine's realm, the global object included.</summary>
    /// <remarks>
    /// Walks the realm from C#, so the walk is not held to the time and statement limits of model code, and calls
    /// <c>Object.freeze</c> on each object. After this, variables cannot be bound as globals: the pooled engines pass
    /// them as parameters.
    /// </remarks>
    public static void Freeze(Jint.Engine engine)
    {
        var freeze = engine.Evaluate("Object.freeze");
        var prototypes = new[] { "Object", "Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError", "AggregateError" }
            .Select(name => ((ObjectInstance)engine.Global.Get(name)).Get("prototype"))
            .OfType<ObjectInstance>()
            .ToHashSet(ReferenceEqualityComparer.Instance);
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<ObjectInstance>();
        pending.Push(engine.Global);
        var hidden = (ObjectInstance)engine.Evaluate(HiddenIntrinsics);
        foreach (var key in hidden.GetOwnPropertyKeys(Types.String))
        {
            if (hidden.Get(key) is ObjectInstance root)
            {
                pending.Push(root);
            }
        }

        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current))
            {
                continue;
            }

            if (prototypes.Contains(current))
            {
                AllowOverride(engine, current);
            }

            foreach (var key in current.GetOwnPropertyKeys())
            {
                var descriptor = current.GetOwnProperty(key);
                foreach (var value in new[] { descriptor.Value, descriptor.Get, descriptor.Set })
                {
                    if (value is ObjectInstance child)
                    {
                        pending.Push(child);
                    }
                }
            }

            if (current.Prototype is { } prototype)
            {
                pending.Push(prototype);
            }

            engine.Call(freeze, JsValue.Undefined, [current]);
        }
    }

    // Turns the overridable data properties of a prototype into accessors: reading gives the built-in, assigning on an
    // object that inherits it makes the object's own property, as if the prototype were not frozen; assigning on the
    // prototype itself is refused.
    private static void AllowOverride(Jint.Engine engine, ObjectInstance prototype)
    {
        foreach (var name in Overridable)
        {
            var descriptor = prototype.GetOwnProperty(name);
            if (descriptor == PropertyDescriptor.Undefined || descriptor.Value is not { } value)
            {
                continue;
            }

            var getter = new ClrFunction(engine, "get " + name, (_, _) => value);
            var setter = new ClrFunction(engine, "set " + name, (self, args) =>
            {
                if (ReferenceEquals(self, prototype) || self is not ObjectInstance target)
                {
                    throw new JavaScriptException(engine.Intrinsics.TypeError, $"Cannot assign to read only property '{name}' of a built-in prototype");
                }

                target.DefineOwnProperty(name, new PropertyDescriptor(args.At(0), PropertyFlag.ConfigurableEnumerableWritable));
                return JsValue.Undefined;
            });
            prototype.DefineOwnProperty(name, new GetSetPropertyDescriptor(getter, setter, enumerable: false, configurable: true));
        }
    }

    // A string's length without making a copy of it; objects are converted as the built-in would (their toString runs
    // under the limits like any script code).
    private static string Text(JsValue value) => value.IsString() ? value.AsString() : TypeConverter.ToString(value);

    // A replacement string is inserted once per match (at most length + 1 matches); "$`" and "$'" insert the text
    // before or after the match, up to the whole input, and "$&" the match itself.
    // "$1" or "$<name>" insert a group: within its match (at most the input in all), or — when the pattern looks around —
    // up to the whole input at every match.
    private static double ReplacedLength(int length, JsValue replacement, bool groupsOverlap = false)
    {
        if (replacement is Jint.Native.Function.Function)
        {
            return 0; // The function's results are made by script code, which the memory limit checks.
        }

        var text = Text(replacement);
        var wholeInput = CountOf(text, "$`") + CountOf(text, "$'");
        var groups = System.Text.RegularExpressions.Regex.Count(text, @"\$(\d|<)");
        var withinMatches = CountOf(text, "$&") + (groupsOverlap ? 0 : groups);
        wholeInput += groupsOverlap ? groups : 0;
        return length + ((double)length + 1) * text.Length + ((double)length + 1) * length * wholeInput + (double)length * withinMatches;
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    // The arrays being joined on an engine (a cycle joins as empty), and its RangeError, taken before any model code ran.
    private sealed record Joining(HashSet<ObjectInstance> Arrays, Jint.Native.Error.ErrorConstructor RangeError);

    /// <summary>
    /// What JSON.stringify would serialise, resolved into plain values: toJSON and the replacer function applied, getters
    /// read, objects copied as their own enumerable properties (or the replacer's list), counting the text it will make.
    /// </summary>
    private sealed class JsonCopy(Jint.Engine engine, JsValue replacer, bool indented, long limit)
    {
        private readonly JsValue? _function = IsCallable(replacer) ? replacer : null;
        private readonly List<string>? _keys = replacer.IsArray() ? Keys((ObjectInstance)replacer) : null;
        private readonly HashSet<ObjectInstance> _open = new(ReferenceEqualityComparer.Instance);
        private double _length;
        private long _steps;

        /// <summary>The replacer the built-in still needs: a list orders and filters the copy's properties; a function already ran.</summary>
        public JsValue PassedReplacer => _keys is null ? JsValue.Undefined : replacer;

        public JsValue Resolve(ObjectInstance holder, string key, JsValue value, int depth)
        {
            if (++_steps % 1024 == 0)
            {
                engine.Constraints.Check();
            }

            if (value is ObjectInstance withMethods && IsCallable(withMethods.Get("toJSON")))
            {
                value = engine.Call(withMethods.Get("toJSON"), value, [key]);
            }

            if (_function is not null)
            {
                value = engine.Call(_function, holder, [key, value]);
            }

            Count(key.Length + 4 + (indented ? 10.0 * depth + 1 : 0));
            if (value is not ObjectInstance obj || IsCallable(value))
            {
                Count(value.IsString() ? JsonLength(value.AsString()) : 24);
                return value;
            }

            if (IsWrapper(obj))
            {
                Count(JsonLength(Text(obj)));
                return value;
            }

            if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                throw new ExpressionException("stringify", "it nests values too deeply to serialise");
            }

            if (!_open.Add(obj))
            {
                throw new JavaScriptException(engine.Intrinsics.TypeError, "Cyclic reference detected.");
            }

            try
            {
                if (obj.IsArray())
                {
                    var length = TypeConverter.ToLength(obj.Get("length"));
                    var items = new List<JsValue>();
                    for (ulong index = 0; index < length; index++)
                    {
                        var name = index.ToString(CultureInfo.InvariantCulture);
                        items.Add(Resolve(obj, name, obj.Get(name), depth + 1));
                    }

                    return new JsArray(engine, items.ToArray());
                }

                var copy = new JsObject(engine);
                foreach (var name in _keys ?? EnumerableKeys(obj))
                {
                    var resolved = Resolve(obj, name, obj.Get(name), depth + 1);
                    copy.DefineOwnProperty(name, new PropertyDescriptor(resolved, PropertyFlag.ConfigurableEnumerableWritable));
                }

                return copy;
            }
            finally
            {
                _open.Remove(obj);
            }
        }

        private static bool IsCallable(JsValue value) => value is Jint.Native.Function.Function or Jint.Native.Function.BindFunction;

        // Number, String, Boolean and BigInt objects, which JSON writes as their primitive (Jint's classes for them are
        // internal, hence the names).
        private static bool IsWrapper(ObjectInstance value) =>
            value.GetType().Name is "NumberInstance" or "StringInstance" or "BooleanInstance" or "BigIntInstance";

        private void Count(double length)
        {
            _length += length;
            if (_length > limit)
            {
                throw new ExpressionException("stringify", string.Create(CultureInfo.InvariantCulture,
                    $"stringify() would make a string of more than {limit:N0} characters; the sandbox allows {limit:N0} (Engine:Expressions:MaxStringLength)"));
            }
        }

        private static List<string> EnumerableKeys(ObjectInstance obj) =>
            obj.GetOwnPropertyKeys(Types.String).Where(k => obj.GetOwnProperty(k).Enumerable).Select(k => k.AsString()).ToList();

        // The replacer list's names: strings and numbers (or their objects), each once, in order.
        private static List<string> Keys(ObjectInstance list)
        {
            var keys = new List<string>();
            var length = TypeConverter.ToLength(list.Get("length"));
            for (ulong index = 0; index < length; index++)
            {
                var item = list.Get(index.ToString(CultureInfo.InvariantCulture));
                var name = item.IsString() || item.IsNumber() || item is ObjectInstance boxed && IsWrapper(boxed) ? Text(item) : null;
                if (name is not null && !keys.Contains(name))
                {
                    keys.Add(name);
                }
            }

            return keys;
        }

        // A string as JSON writes it: quoted, with '"', '\\' and control characters escaped (at most 6 characters each).
        private static double JsonLength(string text)
        {
            double length = 2;
            foreach (var c in text)
            {
                length += c < 0x20 || char.IsSurrogate(c) ? 6 : c is '"' or '\\' ? 2 : 1;
            }

            return length;
        }
    }

}
