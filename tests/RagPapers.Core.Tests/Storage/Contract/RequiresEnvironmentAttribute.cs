using System.Reflection;

namespace RagPapers.Core.Tests.Storage.Contract;

/// <summary>The contract tests of this class need a live server named by an environment variable.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresEnvironmentAttribute(string variable, string example) : Attribute
{
    public string Variable { get; } = variable;

    public string Example { get; } = example;

    /// <summary>Null when <paramref name="testClass"/> can run, else why not and what to set.</summary>
    public static string? SkipReason(Type testClass) =>
        testClass.GetCustomAttribute<RequiresEnvironmentAttribute>() is { } required && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(required.Variable))
            ? $"{required.Variable} is not set; set it (e.g. {required.Variable}={required.Example}) to run the store contract against that server."
            : null;
}
