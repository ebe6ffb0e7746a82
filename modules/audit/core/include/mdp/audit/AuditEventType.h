#pragma once

#include <QStringView>

// Event type names used across the platform (R-7.4.1 a-d). AuditEvent accepts any well-formed
// dotted name, so modules may add their own (e.g. "api.call", "consent.record").
namespace mdp::audit::EventType {

inline constexpr QStringView UserLogin = u"user.login";
inline constexpr QStringView UserLogout = u"user.logout";
inline constexpr QStringView UserPasswordChange = u"user.password-change";
inline constexpr QStringView UserRoleChange = u"user.role-change";
inline constexpr QStringView DataView = u"data.view";
inline constexpr QStringView DataQuery = u"data.query";
inline constexpr QStringView DataCreate = u"data.create";
inline constexpr QStringView DataModify = u"data.modify";
inline constexpr QStringView DataDelete = u"data.delete";
inline constexpr QStringView DataExport = u"data.export";
inline constexpr QStringView KeyCreate = u"key.create";
inline constexpr QStringView KeyUse = u"key.use";
inline constexpr QStringView KeyRotate = u"key.rotate";
inline constexpr QStringView KeyDestroy = u"key.destroy";
inline constexpr QStringView SystemStart = u"system.start";
inline constexpr QStringView SystemStop = u"system.stop";
inline constexpr QStringView SystemConfigChange = u"system.config-change";
inline constexpr QStringView SecurityAlert = u"security.alert";
inline constexpr QStringView AuditRead = u"audit.read";
inline constexpr QStringView AuditVerify = u"audit.verify";
inline constexpr QStringView AuditExport = u"audit.export";                  // an auditor's bundle written
inline constexpr QStringView AuditRecipientEnrol = u"audit.recipient-enrol"; // an auditor's key enrolled
inline constexpr QStringView AuditReport = u"audit.report";                  // a periodic report kept
inline constexpr QStringView AccessDecision = u"access.decision"; // the permission engine's verdict
inline constexpr QStringView AccessRequest = u"access.request";   // a request for the scope a refusal named

} // namespace mdp::audit::EventType
