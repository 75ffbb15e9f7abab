using System.Globalization;
using System.Text;
using FourDuty.Engine.Expressions;
using FourDuty.Engine.Variables;

namespace FourDuty.Bench.Scenarios;

/// <summary>
/// What one evaluation of a typical model expression costs through <see cref="ExpressionEvaluator"/> (pooled
/// sandboxed Jint engines, parsed scripts cached), beside a fresh sandboxed engine that parses the script for every
/// evaluation — the naive way, and the machine's reference: "an expression costs microseconds, not milliseconds".
/// </summary>
internal sealed class ExpressionsScenario : IScenario
{
    // What models write: a gateway condition, the peer's condition, a task name template, an object with a list.
    private static readonly (string Name, string Text, string Expected)[] Cases =
    [
        ("condition", "${amount > 1000}", "true"),
        ("variable (one-task.bpmn)", "${skip}", "false"),
        ("template", "Hello ${name}", "Hello FourDuty"),
        ("object with a list", "${{ total: amount * 2, tags: [name, 'urgent'], late: amount > 1000 }}",
            """{"total":3000,"tags":["FourDuty","urgent"],"late":true}"""),
    ];

    public string Name => "expressions";

    public string Description => "cost of one ${...} evaluation (pooled engines, cached scripts) beside a fresh Jint engine per evaluation";

    public IReadOnlyList<BenchOption> Options { get; } =
    [
        new("iterations", 5000, 1, "measured evaluations of each expression, taking turns"),
        new("warmup", 1000, 0, "unmeasured evaluations first, for the JIT"),
    ];

    public int Run(BenchOptions options, TextWriter output)
    {
        var clock = TimeProvider.System;
        var sandbox = new ExpressionOptions();
        var functions = new ExpressionFunctions(calendar: null);
        var evaluator = new ExpressionEvaluator(clock, sandbox, functions);
        var variables = new Variables(new()
        {
            ["amount"] = VariableValue.From(1500),
            ["name"] = VariableValue.From("FourDuty"),
            ["skip"] = VariableValue.From(false),
        });
        var expressions = Cases.Select(c => Expression.Parse(c.Text)).ToArray();

        // Both ways must give the values the model means, or the figures measure something else.
        for (var i = 0; i < Cases.Length; i++)
        {
            var (ours, fresh) = (evaluator.Evaluate(expressions[i], variables).ToString(), FreshEngine(expressions[i], variables, clock, sandbox).ToString());
            if (ours != Cases[i].Expected || fresh != Cases[i].Expected)
            {
                output.WriteLine($"FAILED   {Cases[i].Text} gave '{ours}' (pooled) and '{fresh}' (fresh); expected '{Cases[i].Expected}'");
                return 1;
            }
        }

        var (warmUp, iterations) = (options["warmup"], options["iterations"]);
        output.WriteLine($"FourDuty.Bench expressions, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        output.WriteLine($"machine  {MachineFacts.Machine}");
        output.WriteLine($"runtime  {MachineFacts.Runtime}, Jint {typeof(Jint.Engine).Assembly.GetName().Version}");
        output.WriteLine($"load     {MachineFacts.Load} at start");
        if (MachineFacts.IsDebugBuild)
        {
            output.WriteLine("WARNING  Debug build: these figures mean nothing; run with -c Release.");
        }

        output.WriteLine($"sandbox  strict mode, timeout {sandbox.Timeout.TotalSeconds:0} s, {sandbox.MaxStatements:N0} statements, {sandbox.MaxMemoryBytes / 1048576} MB, recursion {sandbox.MaxRecursion}; variables amount=1500, name=\"FourDuty\", skip=false");
        output.WriteLine($"runs     {warmUp} warm-up + {iterations} measured evaluations of each, all {Cases.Length * 2} taking turns on one thread");
        foreach (var (name, text, expected) in Cases)
        {
            output.WriteLine($"{"",-9}{name,-26}{text}  ->  {expected}");
        }

        output.Flush();

        var operations = Cases.SelectMany((c, i) => new (string, Func<object?>)[]
        {
            (c.Name, () => evaluator.Evaluate(expressions[i], variables)),
            (c.Name + ", fresh engine", () => FreshEngine(expressions[i], variables, clock, sandbox)),
        }).ToArray();
        var results = Measurement.Run(warmUp, iterations, operations);

        output.WriteLine();
        output.WriteLine($"{"expression",-26}{"median",10}{"p95",10}{"alloc",10}{"fresh median",14}{"fresh p95",11}{"fresh alloc",13}{"ratio",9}");
        for (var i = 0; i < Cases.Length; i++)
        {
            var (ours, fresh) = (results[2 * i], results[2 * i + 1]);
            output.WriteLine($"{Cases[i].Name,-26}{Us(ours.Median),10}{Us(ours.P95),10}{Kb(ours.MedianAllocated),10}" +
                $"{Us(fresh.Median),14}{Us(fresh.P95),11}{Kb(fresh.MedianAllocated),13}{(fresh.Median / ours.Median).ToString("0", CultureInfo.InvariantCulture) + "x",9}");
        }

        output.WriteLine();
        output.WriteLine("median and p95 in microseconds per evaluation, alloc in KB per evaluation (median); ratio = fresh median / pooled median");
        // What a pool pays once per engine (at most one per thread evaluating at the same time): the realm, the
        // guarded built-ins and the walk that freezes them (decision 0016).
        var creation = Measurement.Run(2, 20, [("new pooled engine", () => new SandboxEngine(clock, sandbox, functions, pooled: true))])[0];
        output.WriteLine($"new pooled engine (guarded, frozen): median {Us(creation.Median)} µs, p95 {Us(creation.P95)} µs, {Kb(creation.MedianAllocated)} KB (20 made)");
        output.WriteLine($"load     {MachineFacts.Load} at end");
        return 0;
    }

    /// <summary>The naive way: a new sandboxed engine for each evaluation, the script parsed each time.</summary>
    private static VariableValue FreshEngine(Expression expression, IVariableLookup variables, TimeProvider clock, ExpressionOptions sandbox)
    {
        VariableValue Run(string code)
        {
            var engine = new SandboxEngine(clock, sandbox, new ExpressionFunctions(calendar: null), pooled: false);
            engine.Bind(FreeIdentifiers.Of(new Acornima.Parser().ParseExpression(code)), variables);
            return engine.FromJs(engine.Engine.Evaluate($"({code})"), "the expression");
        }

        if (expression.IsSingleScript)
        {
            return Run(expression.Parts[0].Text);
        }

        var text = new StringBuilder();
        foreach (var part in expression.Parts)
        {
            text.Append(part.IsScript ? Run(part.Text).ToString() : part.Text);
        }

        return VariableValue.From(text.ToString());
    }

    private static string Us(double milliseconds) => (milliseconds * 1000).ToString(milliseconds < 0.01 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);

    private sealed class Variables(Dictionary<string, VariableValue> values) : IVariableLookup
    {
        public DateTimeOffset? Now => null;

        public bool TryGet(string name, out VariableValue value) => values.TryGetValue(name, out value);
    }
}
