namespace RagPapers.Server.Contracts;

/// <summary>GET /health/live and /health/ready: "Healthy", "Degraded" or "Unhealthy", with one entry per check, and the semantic index's progress.</summary>
public sealed record HealthReportDto(string Status, IReadOnlyDictionary<string, HealthCheckDto> Checks, SemanticIndexDto? SemanticIndex = null);

/// <summary>One readiness check and what it found.</summary>
public sealed record HealthCheckDto(string Status, string? Description);
