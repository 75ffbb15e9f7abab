using FourDuty.Engine.Bpmn;

namespace FourDuty.Tests.Engine.Bpmn.Conformance;

/// <summary>
/// The 21 reference models of the BPMN Model Interchange Working Group (Miwg/README.md). Each file must be read
/// into a model; what stops it from running is stated here and was checked against the file: the errors (rule and
/// element) and the elements reported as unsupported (BPMN-080/081, errors or, in processes that are not executable,
/// warnings).
/// </summary>
public sealed class MiwgConformanceTests
{
    private static readonly Dictionary<string, Expectation> Expectations = new(StringComparer.Ordinal)
    {
        // Three tasks in a row; descriptive (isExecutable="false"), so nothing in it is an error.
        ["A.1.0.bpmn"] = new([], [], []),

        // An exclusive split and merge without conditions: BPMN-042 warnings only, the process not being executable.
        ["A.2.0.bpmn"] = new([], [], []),

        // Bonita export: five conditions in XPath (their language attribute), also on flows leaving tasks with a default flow.
        ["A.2.1.bpmn"] = new([], [], ["_To9Z7TOCEeSknpIVFCxNIQ", "_To9Z8zOCEeSknpIVFCxNIQ", "_To9Z9jOCEeSknpIVFCxNIQ", "_To9Z-TOCEeSknpIVFCxNIQ", "_To9Z_DOCEeSknpIVFCxNIQ"]),

        // A collapsed (empty) subprocess, a message boundary event without a message: warnings.
        ["A.3.0.bpmn"] = new([], [], []),

        // Two pools, lanes and message flows (Trisotech), and the same drawn with Signavio.
        ["A.4.0.bpmn"] = new([], [], []),
        ["A.4.1.bpmn"] = new([], [], []),

        // Descriptive conformance class: call activities, data objects and stores, messages without names; all warnings.
        ["B.1.0.bpmn"] = new([], [], []),

        // Analytic conformance class, almost every element: four conditional events and a standard loop cannot run;
        // the rest is read (link events, escalations, multi-instance, event-based gateway ...).
        ["B.2.0.bpmn"] = new([], [],
        [
            "_cba8fbed-2bb6-40a9-8ac5-83e827ce9d9f", "_732c0641-b12f-448b-b9f8-a68b355782e3", "_c9cb2415-6a2e-49d6-84b9-27babcde4088",
            "_68ca1f8b-5028-4079-9e35-619b529f4d71", "_b9343536-6490-4559-8365-71d5c4cbb7cb",
        ]),

        // Camunda's invoice example drawn in Signavio (camunda: bound to the Activiti namespace): the executable process
        // runs but for archiveInvoice, a Java delegate (camunda:delegateExpression).
        ["C.1.0.bpmn"] = new(["bpmn-miwg-test-case-c.1.0"], [("BPMN-081", "archiveInvoice")], ["archiveInvoice"]),

        // The same process with its conditions in XPath over data objects (expressionLanguage XPath), and the Java delegate.
        ["C.1.1.bpmn"] = new(
            ["handle-invoice"],
            [("BPMN-081", "archiveInvoice"), ("BPMN-081", "invoiceApproved"), ("BPMN-081", "invoiceNotApproved"), ("BPMN-081", "reviewSuccessful"), ("BPMN-081", "reviewNotSuccessful")],
            ["archiveInvoice", "invoiceApproved", "invoiceNotApproved", "reviewSuccessful", "reviewNotSuccessful"]),

        // Four pools of one ordering scenario; descriptive.
        ["C.2.0.bpmn"] = new([], [], []),

        // Fridge repair from Visio, marked executable but written for people: a task that starts on two tokens and ends
        // with two (start/completionQuantity="2"), a pseudo-XPath condition, an empty collapsed subprocess, and gateway
        // splits whose flows have names but no conditions.
        ["C.3.0.bpmn"] = new(
            ["_8170787a-3207-434d-9bea-4787059f444f"],
            [
                ("BPMN-081", "_c73a5f4a-72f1-4e11-bb40-2f98da75fb9a"), ("BPMN-081", "_be893987-caec-4605-b078-bd96b7cd6c12"),
                ("BPMN-032", "_cd6f230f-13c3-4027-aa3e-57de601a1ab2"),
                ("BPMN-042", "_b99800c3-c340-460c-a43e-098014a365d0"), ("BPMN-042", "_437e5969-1e61-4cb9-aa76-4f8854f32eeb"),
                ("BPMN-042", "_ada039b6-94dd-4a15-a6b1-c7fe662c64ee"), ("BPMN-042", "_cddf9325-a85b-4347-8c57-8b909fa77ae9"),
                ("BPMN-042", "_cf380e47-1401-4e7e-b710-193b626e49eb"), ("BPMN-042", "_3fb323d5-2c59-487a-af63-804208f6c5cb"),
            ],
            ["_c73a5f4a-72f1-4e11-bb40-2f98da75fb9a", "_be893987-caec-4605-b078-bd96b7cd6c12"]),

        // Four descriptive processes with data stores; a standard loop on a manual task cannot run.
        ["C.4.0.bpmn"] = new([], [], ["_788443d9-65f0-43a4-96a8-63e8d6f380a7"]),

        // A bank's account opening with a call activity and data; descriptive.
        ["C.5.0.bpmn"] = new([], [], []),

        // Travel booking undone by compensation: six compensation events and two compensation handlers cannot run.
        ["C.6.0.bpmn"] = new([], [],
        [
            "_6a5cdbbf-2618-496e-b728-955dc215ef9d", "_99bf4db9-3616-4ed1-a0f8-b8175c3fd46f", "_e4b9fa74-efd8-409f-a2e4-ad917df767b4",
            "_8af17ed4-6e13-463b-8333-d397b3002c65", "_b25ecc7c-4eff-4a70-96f2-6b2f94cf19b1", "_fe3f9094-097b-416d-adeb-4b7e7e753f3c",
            "_3a2f133c-3ae1-4e21-94b5-6e8cf51acd74", "_0198160d-b56c-4919-9920-db5f32d16b3f",
        ]),

        // Trisotech export with FEEL as the expression language; its DMN business rule task cannot run yet. Descriptive.
        ["C.7.0.bpmn"] = new([], [], ["_eae674ce-4d6e-48ac-819c-c79e0868e40d"]),

        // Vacation request (Trisotech, with translations), descriptive: its DMN business rule task cannot run yet.
        ["C.8.0.bpmn"] = new([], [], ["_1a818a94-ba6f-413b-a7e8-6f8fd2a11e32"]),

        // The executable version of C.8.0, for Camunda 8: FEEL conditions, zeebe task definitions on the service and send
        // tasks instead of camunda:type, and the DMN business rule task.
        ["C.8.1.bpmn"] = new(
            ["VacationRequestProcess"],
            [
                ("BPMN-080", "_1a818a94-ba6f-413b-a7e8-6f8fd2a11e32"),
                ("BPMN-081", "_0a1c4f20-509f-4aeb-baf9-acc762f4fdf9"), ("BPMN-081", "_325973e7-0bc8-4136-b6df-be1e681d8608"),
                ("BPMN-081", "_f2b0da63-d841-4457-ad85-7d86c8b5c1d2"),
                ("BPMN-083", "_2b960d84-feb1-46a9-a1a1-c300dd996b99"), ("BPMN-083", "_9ed61a6a-7cc1-4ed1-86d8-03482b0983c9"),
                ("BPMN-083", "_93ec9873-edf1-4549-b052-961994ec8234"), ("BPMN-083", "_a97c1a48-faba-447b-bfa6-7aa81a6fe0a0"),
                ("BPMN-083", "_02232e32-c3d2-473c-a15d-9c5dca00eadc"), ("BPMN-083", "_4b72053b-8ebb-4ae6-99c6-7c93cf1c1d1b"),
                ("BPMN-083", "_5e16a4e0-0f23-482a-be47-d3edbc5741ba"),
            ],
            ["_1a818a94-ba6f-413b-a7e8-6f8fd2a11e32", "_0a1c4f20-509f-4aeb-baf9-acc762f4fdf9", "_325973e7-0bc8-4136-b6df-be1e681d8608", "_f2b0da63-d841-4457-ad85-7d86c8b5c1d2"]),

        // Camunda 8 (zeebe) model: FEEL conditions, zeebe task definitions instead of camunda:type, a DMN business rule task.
        ["C.9.0.bpmn"] = new(
            ["customer_onboarding_en"],
            [
                ("BPMN-080", "BusinessRuleTask_CheckApplicationAutomatically"),
                ("BPMN-081", "SequenceFlow_Red"), ("BPMN-081", "SequenceFlow_Yellow"), ("BPMN-081", "SequenceFlow_ApplicationAccepted"),
                ("BPMN-081", "SequenceFlow_ApplicationDeclined"),
                ("BPMN-083", "ServiceTask_GetCreditScore"), ("BPMN-083", "ServiceTask_DeliverPolicy"), ("BPMN-083", "ServiceTask_RejectPolicy"),
                ("BPMN-083", "ServiceTask_CancelApplication"), ("BPMN-083", "SendTask_SendPolicy"), ("BPMN-083", "SendTask_SendRejection"),
                ("BPMN-083", "SendTask_ReportFraud"),
            ],
            ["BusinessRuleTask_CheckApplicationAutomatically", "SequenceFlow_Red", "SequenceFlow_Yellow", "SequenceFlow_ApplicationAccepted", "SequenceFlow_ApplicationDeclined"]),

        // Written for Camunda 7 and 8 at once (camunda:type="external" with a topic beside each zeebe definition): runs as it is.
        ["C.9.1.bpmn"] = new(["requestDocument_en"], [], []),

        // Camunda 8 model: a multi-instance whose collection is in zeebe:loopCharacteristics, a zeebe send task, a FEEL condition.
        ["C.9.2.bpmn"] = new(
            ["ManualCheck"],
            [("BPMN-081", "SequenceFlow_Yes"), ("BPMN-083", "CallActivity_RequestDocument"), ("BPMN-083", "SendTask_NotifyCustomerDelay")],
            ["SequenceFlow_Yes"]),
    };

    public static TheoryData<string> Files => new(Expectations.Keys);

    [Theory]
    [MemberData(nameof(Files))]
    public void Parse_ReadsTheModelAndReportsWhatCannotRun_WhenGivenAMiwgReferenceModel(string file)
    {
        var expected = Expectations[file];

        var result = new BpmnParser().Parse(File.ReadAllText(Path.Combine(Folder, file)), file);

        result.Model.ShouldNotBeNull(BpmnText.Describe(result));
        result.Model.ExecutableProcesses.Select(p => p.Id).ShouldBe(expected.Executable, ignoreOrder: true);
        result.Errors.Select(p => (p.Code, p.ElementId!)).Distinct().ShouldBe(expected.Errors, ignoreOrder: true, BpmnText.Describe(result));
        result.Problems.Where(p => p.Code is "BPMN-080" or "BPMN-081").Select(p => p.ElementId!).Distinct()
            .ShouldBe(expected.Unsupported, ignoreOrder: true, BpmnText.Describe(result));
        result.Problems.ShouldAllBe(p => p.File == file && p.Line > 0);
    }

    [Fact]
    public void Expectations_CoverEveryModelOfTheSuite()
    {
        Directory.GetFiles(Folder, "*.bpmn").Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(Expectations.Keys.Order(StringComparer.Ordinal));
        Expectations.Count.ShouldBe(21);
    }

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Engine", "Bpmn", "Conformance", "Miwg");

    private sealed record Expectation(string[] Executable, (string Code, string Id)[] Errors, string[] Unsupported);
}
