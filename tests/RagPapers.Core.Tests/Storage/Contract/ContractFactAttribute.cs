using Xunit.Sdk;

namespace RagPapers.Core.Tests.Storage.Contract;

/// <summary>
/// A fact of the store contract suite. It runs in every class deriving from the suite, except that a class marked
/// <see cref="RequiresEnvironmentAttribute"/> reports its tests as skipped, with the reason, while the variable is unset.
/// </summary>
[XunitTestCaseDiscoverer("RagPapers.Core.Tests.Storage.Contract.ContractFactDiscoverer", "RagPapers.Core.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContractFactAttribute : FactAttribute;
