namespace RagPapers.Discord.Gateway;

/// <summary>
/// The Gateway client's random draws in [0, 1]: the first heartbeat's jitter and the 1–5 s wait after an Invalid
/// Session, which keep many clients from reconnecting in step. Tests fix the draw to get exact times.
/// </summary>
internal sealed class GatewayJitter(Func<double> next)
{
    public static GatewayJitter Random { get; } = new(System.Random.Shared.NextDouble);

    public double Next() => Math.Clamp(next(), 0, 1);
}
