namespace RagPapers.Server.Contracts;

/// <summary>GET /health/live and /health/ready: "Healthy", "Degraded" or "Unhealthy", with one entry per check.</summary>
public sealed record HealthReportDto(string Status, IReadOnlyDictionary<string, HealthCheckDto> Checks);

/// <summary>One readiness check and what it found.</summary>
public sealed record HealthCheckDto(string Status, string? Description);
