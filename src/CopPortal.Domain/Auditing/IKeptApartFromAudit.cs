namespace CopPortal.Domain.Auditing;

/// <summary>
/// Marks an entity the audit trail must never record: no entry is written when one is added, changed or removed,
/// so the log holds neither its values nor who saved it. For data people are promised is kept apart from them
/// (equality monitoring); everything else stays audited.
/// </summary>
public interface IKeptApartFromAudit;
