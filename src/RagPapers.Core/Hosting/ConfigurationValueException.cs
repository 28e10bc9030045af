namespace RagPapers.Hosting;

/// <summary>
/// A configuration value that cannot become its option's type ("Retrieval:TopK" = "eight"): the binder's message,
/// which names the path and the type, as an exception a front-end can catch by type.
/// </summary>
public sealed class ConfigurationValueException : Exception
{
    public ConfigurationValueException()
    {
    }

    public ConfigurationValueException(string message)
        : base(message)
    {
    }

    public ConfigurationValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
