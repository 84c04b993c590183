namespace CopPortal.Domain.Auditing;

/// <summary>
/// Marks a property whose value the audit trail records only as "(redacted)": the entry still shows that it was set
/// or changed, by whom and when, but the log does not become a second copy of confidential text (a Triple-A point's
/// detail, a council outcome, a comment) that only some people may read.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class AuditConfidentialAttribute : Attribute;
