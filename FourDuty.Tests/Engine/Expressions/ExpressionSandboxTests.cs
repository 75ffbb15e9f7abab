using System.Diagnostics;
using FourDuty.Engine.Expressions;
using FourDuty.Engine.Variables;
using FourDuty.Tests.Engine.Runtime;

namespace FourDuty.Tests.Engine.Expressions;

/// <summary>
/// Hostile expressions, tried as an attacker would (issue 14): each is stopped with a reason naming the limit, the
/// evaluator goes on working, nothing one evaluation does is seen by the next, and the process's memory stays bounded.
/// </summary>
public sealed class ExpressionSandboxTests
{
    private readonly ExpressionEvaluator _evaluator = new(TimeProvider.System, new ExpressionOptions(), new ExpressionFunctions(calendar: null));

    [Theory]
    [InlineData("Object.prototype.approved = true")]
    [InlineData("Object.defineProperty(Object.prototype, 'approved', { value: true })")]
    [InlineData("Array.prototype.includes = () => true")]
    [InlineData("Math.random = () => 4")]
    [InlineData("workdays = () => 0")]
    [InlineData("globalThis.approved = true")]
    [InlineData("Object.defineProperty(globalThis, 'approved', { value: true, configurable: false })")]
    [InlineData("String.prototype.trim = function () { return 'x'; }")]
    [InlineData("Object.getPrototypeOf(function* () {}).prototype.next = 1")]
    [InlineData("Object.getPrototypeOf([][Symbol.iterator]()).next = () => ({ done: true })")]
    [InlineData("JSON.parse = () => ({})")]
    [InlineData("Date.prototype.getTime = () => 0")]
    public void Evaluate_RefusesToChangeABuiltIn_AndLaterEvaluationsSeeThemPristine(string attack)
    {
        // Several evaluations, so that the pooled engines are the ones a later evaluation takes.
        for (var i = 0; i < 3; i++)
        {
            Should.Throw<ExpressionException>(() => Evaluate($"${{{attack}}}"), customMessage: attack);
        }

        Evaluate("${({}).approved === undefined && typeof approved === 'undefined'}").ShouldBe("true");
        Evaluate("${[1, 2].includes(3)}").ShouldBe("false");
        Evaluate("${Math.random() < 1}").ShouldBe("true");
        Evaluate("${' a '.trim()}").ShouldBe("a");
        Evaluate("${JSON.parse('{\"a\":1}').a}").ShouldBe("1");
        Evaluate("${new Date(5).getTime()}").ShouldBe("5");
        Evaluate("${[...(function* () { yield 1; yield 2; })()].length}").ShouldBe("2");
        Evaluate("${workdays.name}").ShouldBe("workdays");
    }

    [Fact]
    public void Evaluate_KeepsVariablesOfOneEvaluationFromTheNext()
    {
        Evaluate("${secret}", new() { ["secret"] = VariableValue.From("first instance's") }).ShouldBe("first instance's");

        Should.Throw<ExpressionException>(() => Evaluate("${secret}")).Reason.ShouldContain("secret is not defined");
        Evaluate("${typeof secret}").ShouldBe("undefined");
    }

    [Fact]
    public void Evaluate_LetsAnExpressionChangeItsOwnCopiesOfVariables()
    {
        var items = new Dictionary<string, VariableValue> { ["items"] = VariableValue.FromJson(new System.Text.Json.Nodes.JsonArray(1, 2)) };

        Evaluate("${items.push(3) && items.length}", items).ShouldBe("3");
        Evaluate("${items.length}", items).ShouldBe("2");
    }

    [Theory]
    [InlineData("'x'.repeat(3e8)", "repeat() would make a string of about 300,000,000 characters")]
    [InlineData("'x'.padEnd(3e8)", "padEnd() would make a string")]
    [InlineData("'x'.padStart(3e8, 'ab')", "padStart() would make a string")]
    [InlineData("'x'.repeat(1e4).replaceAll('x', 'y'.repeat(1e4))", "replaceAll() would make a string")]
    [InlineData("'x'.repeat(1e4).replace(/x/g, \"$'\")", "replace() would make a string")]
    [InlineData("''.concat(...Array(1e5).fill('x'.repeat(1e5)))", "concat() would make a string")]
    [InlineData("JSON.stringify(Array(1e5).fill('x'.repeat(1e5)))", "stringify() would make a string")]
    // Built-ins that build their result piece by piece, or expand their argument: Jint's join made 960 MB of 120 pieces.
    [InlineData("Array(120).fill('x'.repeat(4e6)).join('').length", "join() would make a string of more than 4,194,304 characters")]
    [InlineData("String(Array(1000).fill('x'.repeat(4e6))).length", "join() would make a string")]
    [InlineData("`${Array(1000).fill('x'.repeat(4e6))}`.length", "join() would make a string")]
    [InlineData("Array(1e6).join('x'.repeat(4e6)).length", "join() would make a string")]
    [InlineData("Array(1000).fill('x'.repeat(4e6)).toLocaleString().length", "toLocaleString() would make a string")]
    [InlineData("String.raw({ raw: Array(1000).fill('x'.repeat(4e6)) }, 1).length", "raw() would make a string")]
    [InlineData("/x/g[Symbol.replace]('x'.repeat(1e4), 'y'.repeat(1e4)).length", "[Symbol.replace]() would make a string")]
    [InlineData("'x'.repeat(2e4).replace(/(?=(x*))/g, '$1').length", "[Symbol.replace]() would make a string")]
    [InlineData("escape('\u4e00'.repeat(4e6)).length", "escape() would make a string")]
    [InlineData("encodeURIComponent('\u4e00'.repeat(4e6)).length", "encodeURIComponent() would make a string")]
    [InlineData("'\ufdfa'.repeat(4e6).normalize('NFKD').length", "normalize() would make a string")]
    [InlineData("JSON.stringify({ get a() { return Array(120).fill('x'.repeat(4e6)); } }).length", "stringify() would make a string")]
    [InlineData("JSON.stringify({ toJSON() { return Array(120).fill('x'.repeat(4e6)); } }).length", "stringify() would make a string")]
    [InlineData("(() => { const s = 'x'.repeat(3e6); return JSON.stringify([1], (k, v) => v === 1 ? [s, s] : v).length; })()", "stringify() would make a string")]
    [InlineData("JSON.stringify('\u0001'.repeat(4e6)).length", "stringify() would make a string")]
    [InlineData("Object.getOwnPropertyDescriptors('x'.repeat(4e6)).a", "getOwnPropertyDescriptors() would make a property of each of 4,000,000 characters")]
    [InlineData("Object.keys('x'.repeat(4e6)).length", "keys() would make a property")]
    [InlineData("Reflect.ownKeys(new String('x'.repeat(4e6))).length", "ownKeys() would make a property")]
    [InlineData("Object.assign({}, 'x'.repeat(4e6)).a", "assign() would make a property")]
    [InlineData("({...'x'.repeat(4e6)}).a", "spread (...) would make a property of each of 4,000,000 characters")]
    [InlineData("({ a: 1, ...{ b: 2, ...new String('x'.repeat(4e6)) } }).a", "spread (...) would make a property")]
    [InlineData("[...'x'.repeat(4e6)].length", "spread (...) would make a property")]
    [InlineData("Math.max(...'1'.repeat(4e6))", "spread (...) would make a property")]
    [InlineData("new Array(2e6).fill(0)", "arrays up to 1,000,000 elements")]
    [InlineData("'ab'.repeat(1e6).split('')", "arrays up to 1,000,000 elements")]
    [InlineData("(() => { let s = 'x'; for (let i = 0; i < 40; i++) s = s + s; return s.indexOf('y'); })()", "more memory than the sandbox allows")]
    public void Evaluate_StopsAnExpressionThatWouldTakeTheHostsMemory(string code, string reason)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);

        Should.Throw<ExpressionException>(() => Evaluate($"${{{code}}}")).Reason.ShouldContain(reason);

        // The expression was stopped before it allocated (much more than) the sandbox's 16 MB.
        (GC.GetTotalAllocatedBytes(precise: true) - before).ShouldBeLessThan(200L * 1024 * 1024);
        Evaluate("${'still ' + 'working'}").ShouldBe("still working");
    }

    [Theory]
    [InlineData("${({ ...{ a: 1 }, b: 2 }).a + ({ ...{ a: 1 }, b: 2 }).b}", "3")]
    [InlineData("${[...[1, 2], ...'abc'].length}", "5")]
    [InlineData("${Math.max(...[4, 9, 2])}", "9")]
    [InlineData("${((...rest) => rest.length)(...[1, 2, 3])}", "3")]
    [InlineData("${[...'短文本'].join('|')}", "短|文|本")]
    public void Evaluate_SpreadStillWorksOnWhatTheSandboxAllows(string expression, string expected)
    {
        Evaluate(expression).ShouldBe(expected);
    }

    [Theory]
    [InlineData("/(a+)+$/.test('a'.repeat(30) + 'b')", "a regular expression ran longer than 1 s")]
    [InlineData("(() => { while (true) {} })()", "too many statements")]
    [InlineData("(function f(n) { return f(n + 1) + 1; })(0)", "recursed deeper")]
    [InlineData("(() => { let a = []; for (let i = 0; i < 20000; i++) a = [a]; return a.join(); })()", "Maximum call stack size exceeded")]
    [InlineData("Array.prototype.fill.call({ length: 1e9 }, 1)", "")]
    public void Evaluate_StopsAnExpressionThatWouldHoldTheWorker(string code, string reason)
    {
        var watch = Stopwatch.StartNew();

        Should.Throw<ExpressionException>(() => Evaluate($"${{{code}}}")).Reason.ShouldContain(reason);

        // 1 s limit; the rest is slack for a loaded machine (the regular expression alone ran 10 s before the limit held).
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(6));
        Evaluate("${1 + 1}").ShouldBe("2");
    }

    [Theory]
    [InlineData("(function () {}).constructor('return 1')()", "String compilation has been disabled")]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')", "System is not defined")]
    [InlineData("Object.getPrototypeOf(async function () {}).constructor('return 1')", "String compilation has been disabled")]
    public void Evaluate_RefusesToCompileStringsOrReachOutOfTheSandbox(string code, string reason)
    {
        Should.Throw<ExpressionException>(() => Evaluate($"${{{code}}}")).Reason.ShouldContain(reason);
    }

    [Theory]
    [InlineData("eval('1')", "uses 'eval', which the expression sandbox does not offer")]
    [InlineData("import('fs')", "imports a module")]
    [InlineData("new ShadowRealm().evaluate('1')", "uses 'ShadowRealm'")]
    [InlineData("new ArrayBuffer(1e9).byteLength", "uses 'ArrayBuffer'")]
    [InlineData("Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5000)", "uses 'Atomics'")]
    public void TryParse_RefusesWhatTheSandboxDoesNotOffer_SoADeploymentNamesIt(string code, string reason)
    {
        Expression.TryParse($"${{{code}}}", out _, out var error).ShouldBeFalse();

        error.ShouldContain(reason);
    }

    [Theory]
    [InlineData("eval('1')", "eval is not defined")]
    [InlineData("new ArrayBuffer(1e9)", "ArrayBuffer is not defined")]
    [InlineData("Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5000)", "Atomics is not defined")]
    [InlineData("new ShadowRealm()", "ShadowRealm is not defined")]
    [InlineData("'x'.repeat(3e8)", "Engine:Expressions:MaxStringLength")]
    [InlineData("/(a+)+$/.test('a'.repeat(30) + 'b')", "a regular expression ran longer")]
    [InlineData("const text = 'x'.repeat(4e6);\nconst copy = { ...text };\nObject.keys(copy).length", "spread (...) would make a property")]
    public void RunScript_HoldsTheSameLimits_ThoughAScriptsEngineIsItsOwn(string script, string reason)
    {
        Should.Throw<ExpressionException>(() => _evaluator.RunScript(script, new Lookup([]), (_, _) => { }))
            .Reason.ShouldContain(reason);
    }

    [Fact]
    public void Evaluate_StillRunsWhatModelsWrite()
    {
        var variables = new Dictionary<string, VariableValue>
        {
            ["amount"] = VariableValue.From(1500),
            ["name"] = VariableValue.From("FourDuty"),
        };

        Evaluate("${amount > 1000}", variables).ShouldBe("true");
        Evaluate("Hello ${name}", variables).ShouldBe("Hello FourDuty");
        Evaluate("${{ total: amount * 2, tags: [name, 'x'.repeat(3)] }}", variables).ShouldBe("""{"total":3000,"tags":["FourDuty","xxx"]}""");
        Evaluate("${[3, 1, 2].sort().map(x => x * 2).join('-')}").ShouldBe("2-4-6");
        Evaluate("${'a-b'.replace(/-/g, '+').padStart(5, '.')}").ShouldBe("..a+b");
        Evaluate("${JSON.stringify({ a: [1, 'b'] })}").ShouldBe("""{"a":[1,"b"]}""");
        Evaluate("${(() => { const o = {}; o.toString = () => 'own'; return String(o); })()}").ShouldBe("own");
        Evaluate("${(() => { const e = new Error(); e.name = 'Late'; e.message = 'by 2 days'; return String(e); })()}").ShouldBe("Late: by 2 days");
        Evaluate("${String({})}").ShouldBe("[object Object]");
        Evaluate("${amount // a trailing comment\n}", variables).ShouldBe("1500");
        // The length-checked join, toLocaleString, String.raw, replace and JSON.stringify keep the standard's results;
        // Object.keys and its kin those of the standard for objects and short strings.
        Evaluate("${Object.keys('ab').join() + Object.entries({ a: 1 }).join() + Object.assign({}, { b: 2 }, 'c').b + Reflect.ownKeys([1]).join()}").ShouldBe("0,1a,120,length");
        Evaluate("${JSON.stringify({ b: 1, a: [new Date(0), undefined, () => 1, new Number(3), new String('s'), false], get c() { return { d: null }; }, f: () => 1, u: undefined })}")
            .ShouldBe("""{"b":1,"a":["1970-01-01T00:00:00.000Z",null,null,3,"s",false],"c":{"d":null}}""");
        Evaluate("${JSON.stringify({ a: 1, b: { a: 2, c: 3 }, c: 4 }, ['c', 'a'])}").ShouldBe("""{"c":4,"a":1}""");
        Evaluate("${JSON.stringify({ a: 1, b: 'x' }, (k, v) => typeof v === 'number' ? v * 10 : v, 1)}").ShouldBe("{\n \"a\": 10,\n \"b\": \"x\"\n}");
        Evaluate("${JSON.stringify({ toJSON(key) { return 'key:' + key; } }) + JSON.stringify(undefined) + JSON.stringify('a\"\\u0001')}").ShouldBe("\"key:\"undefined\"a\\\"\\u0001\"");
        Should.Throw<ExpressionException>(() => Evaluate("${(() => { const o = {}; o.o = o; return JSON.stringify(o); })()}")).Reason.ShouldContain("Cyclic reference");
        Evaluate("${[1, [2, [3, null, undefined]], 'a'].join('-') + '|' + [1, [2, 3]] + '|' + [null].join() + '|' + Array.prototype.join.call({ length: 2, 0: 'a', 1: 'b' }, '')}")
            .ShouldBe("1-2,3,,-a|1,2,3||ab");
        Evaluate("${(() => { const a = [1]; a.push(a); return a.join('+') + '|' + String(a); })()}").ShouldBe("1+|1,");
        Evaluate("${[1, 'b'].toLocaleString() + String.raw`a${1}b` + String.raw({ raw: ['x', 'y'] }, 7, 8)}").ShouldBe("1,ba1bx7y");
        Evaluate("${'abc'.replace(/(b)/, '[$1$&]') + 'a-b'.replace(/(?<x>-)/, '$<x>$<x>') + encodeURIComponent('a b/\u4e00')}").ShouldBe("a[bb]ca--ba%20b%2F%E4%B8%80");
    }

    [Fact]
    public async Task Start_RaisesAnIncidentNamingTheElementAndTheLimit_WhenAConditionRunsAway()
    {
        await using var scenario = await Scenario.DeployAsync(ProcessXml.Of("p", """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="decide"/>
            <exclusiveGateway id="decide"/>
            <sequenceFlow id="big" sourceRef="decide" targetRef="done"><conditionExpression>${'x'.repeat(3e8).length > 1}</conditionExpression></sequenceFlow>
            <sequenceFlow id="small" sourceRef="decide" targetRef="done"><conditionExpression>${true}</conditionExpression></sequenceFlow>
            <endEvent id="done"/>
            """));

        await scenario.StartAsync("p");

        var incident = (await scenario.SnapshotAsync()).Incidents.ShouldHaveSingleItem();
        incident.ElementId.ShouldBe("decide");
        incident.Code.ShouldBe("ENGINE-EXPRESSION");
        incident.Message.ShouldContain("Engine:Expressions:MaxStringLength");
    }

    private string Evaluate(string text, Dictionary<string, VariableValue>? variables = null) =>
        _evaluator.Evaluate(Expression.Parse(text), new Lookup(variables ?? [])).ToString();

    private sealed class Lookup(Dictionary<string, VariableValue> values) : IVariableLookup
    {
        public DateTimeOffset? Now => null;

        public bool TryGet(string name, out VariableValue value) => values.TryGetValue(name, out value);
    }
}
