using Xunit.Abstractions;
using Xunit.Sdk;

namespace RagPapers.Core.Tests.Storage.Contract;

/// <summary>Discovers <see cref="ContractFactAttribute"/> methods as <see cref="ContractTestCase"/>s.</summary>
public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private static readonly HashSet<string> Announced = [];

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        // Say once per class, as a diagnostic message (xunit.runner.json turns them on), why its tests will be skipped.
        var testClass = testMethod.TestClass.Class.ToRuntimeType();
        if (RequiresEnvironmentAttribute.SkipReason(testClass) is { } reason)
        {
            lock (Announced)
            {
                if (Announced.Add(testClass.FullName!))
                {
                    diagnosticMessageSink.OnMessage(new DiagnosticMessage($"{testClass.Name} will be skipped: {reason}"));
                }
            }
        }

        return [new ContractTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
    }
}

/// <summary>A test case whose skip reason comes from its class's <see cref="RequiresEnvironmentAttribute"/>, evaluated where it runs.</summary>
public sealed class ContractTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer only.")]
    public ContractTestCase()
    {
    }

    public ContractTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod)
        : base(sink, display, displayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        RequiresEnvironmentAttribute.SkipReason(TestMethod.TestClass.Class.ToRuntimeType()) ?? base.GetSkipReason(factAttribute);
}
