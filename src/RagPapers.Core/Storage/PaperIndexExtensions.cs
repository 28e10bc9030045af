namespace RagPapers.Storage;

public static class PaperIndexExtensions
{
    /// <summary>The store's capability of type <typeparamref name="TService"/>, found through any decorators, or null.</summary>
    public static TService? GetService<TService>(this IPaperIndex index, object? serviceKey = null)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(index);
        return index.GetService(typeof(TService), serviceKey) as TService;
    }

    /// <summary>What a store that wraps no other answers: itself, when it is of the type asked for and no key is given.</summary>
    public static object? GetOwnService(this IPaperIndex index, Type serviceType, object? serviceKey)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(index) ? index : null;
    }
}
