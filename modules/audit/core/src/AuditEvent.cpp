#include "mdp/audit/AuditEvent.h"

#include "mdp/audit/CanonicalJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace mdp::audit {
namespace {

Error invalid(const QString &message)
{
    return makeError(Error::Code::InvalidArgument, QStringLiteral("audit event: ") + message);
}

bool isAsciiAlnum(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

// Identifiers are plain ASCII tokens: this keeps names (spaces, CJK text) and free text out of the
// fields that are indexed and shipped.
bool isToken(QStringView s, QStringView extra, qsizetype minLen, qsizetype maxLen)
{
    if (s.size() < minLen || s.size() > maxLen)
        return false;
    for (QChar ch : s) {
        const char16_t c = ch.unicode();
        if (!isAsciiAlnum(c) && !extra.contains(ch))
            return false;
    }
    return true;
}

bool allDigits(QStringView s)
{
    for (QChar c : s) {
        if (c.unicode() < u'0' || c.unicode() > u'9')
            return false;
    }
    return !s.isEmpty();
}

// Resident identity numbers (15 digits, or 17 digits and a check character) and mainland mobile
// numbers (11 digits starting with 1) are direct identifiers, never pseudonyms.
bool looksLikeDirectIdentifier(QStringView id)
{
    if (id.size() == 15 && allDigits(id))
        return true;
    if (id.size() == 18 && allDigits(id.first(17))) {
        const QChar last = id.at(17);
        if (last.isDigit() || last == u'X' || last == u'x')
            return true;
    }
    if (id.size() == 11 && allDigits(id) && id.at(0) == u'1')
        return true;
    return false;
}

// Dotted lower-case name: "data.view", "user.password-change".
bool isTypeName(QStringView s)
{
    if (s.isEmpty() || s.size() > 64)
        return false;
    bool sawDot = false;
    bool segmentStart = true;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s[i].unicode();
        if (c == u'.') {
            if (segmentStart)
                return false;
            sawDot = true;
            segmentStart = true;
            continue;
        }
        const bool lowerOrDigit = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
        if (segmentStart) {
            if (!(c >= u'a' && c <= u'z') && !(sawDot && c >= u'0' && c <= u'9'))
                return false;
            segmentStart = false;
        } else if (!lowerOrDigit && c != u'-') {
            return false;
        }
    }
    return sawDot && !segmentStart;
}

bool valueHasUnpairedSurrogate(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return CanonicalJson::hasUnpairedSurrogate(v.toString());
    case QJsonValue::Array:
        for (const QJsonValue &e : v.toArray()) {
            if (valueHasUnpairedSurrogate(e))
                return true;
        }
        return false;
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (CanonicalJson::hasUnpairedSurrogate(it.key()) || valueHasUnpairedSurrogate(it.value()))
                return true;
        }
        return false;
    }
    default:
        return false;
    }
}

constexpr QStringView kIdExtra = u"._:-";
constexpr QStringView kUserExtra = u"._@:+-";
constexpr QStringView kAddressExtra = u".:%[]_-";

Result<QString> requireString(const QJsonObject &o, const QString &key, const QString &where, bool required)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined()) {
        if (required)
            return invalid(QStringLiteral("field '%1' is missing").arg(where));
        return QString();
    }
    if (!v.isString())
        return invalid(QStringLiteral("field '%1' must be a string").arg(where));
    return v.toString();
}

Result<void> rejectUnknownKeys(const QJsonObject &o, std::initializer_list<QStringView> known,
                               const QString &where)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        bool found = false;
        for (QStringView k : known) {
            if (it.key() == k) {
                found = true;
                break;
            }
        }
        if (!found) {
            // The unknown key itself is not echoed: it might carry data that must not reach logs.
            return invalid(QStringLiteral("%1 has an unknown member").arg(where));
        }
    }
    return {};
}

} // namespace

QString actionCode(AuditAction action)
{
    switch (action) {
    case AuditAction::Create:
        return QStringLiteral("C");
    case AuditAction::Read:
        return QStringLiteral("R");
    case AuditAction::Update:
        return QStringLiteral("U");
    case AuditAction::Delete:
        return QStringLiteral("D");
    case AuditAction::Execute:
        return QStringLiteral("E");
    }
    return QStringLiteral("E");
}

std::optional<AuditAction> actionFromCode(QStringView code)
{
    if (code == u"C")
        return AuditAction::Create;
    if (code == u"R")
        return AuditAction::Read;
    if (code == u"U")
        return AuditAction::Update;
    if (code == u"D")
        return AuditAction::Delete;
    if (code == u"E")
        return AuditAction::Execute;
    return std::nullopt;
}

QString outcomeName(AuditOutcome outcome)
{
    switch (outcome) {
    case AuditOutcome::Success:
        return QStringLiteral("success");
    case AuditOutcome::MinorFailure:
        return QStringLiteral("minor-failure");
    case AuditOutcome::SeriousFailure:
        return QStringLiteral("serious-failure");
    case AuditOutcome::MajorFailure:
        return QStringLiteral("major-failure");
    }
    return QStringLiteral("success");
}

std::optional<AuditOutcome> outcomeFromName(QStringView name)
{
    if (name == u"success")
        return AuditOutcome::Success;
    if (name == u"minor-failure")
        return AuditOutcome::MinorFailure;
    if (name == u"serious-failure")
        return AuditOutcome::SeriousFailure;
    if (name == u"major-failure")
        return AuditOutcome::MajorFailure;
    return std::nullopt;
}

int fhirOutcomeCode(AuditOutcome outcome)
{
    switch (outcome) {
    case AuditOutcome::Success:
        return 0;
    case AuditOutcome::MinorFailure:
        return 4;
    case AuditOutcome::SeriousFailure:
        return 8;
    case AuditOutcome::MajorFailure:
        return 12;
    }
    return 0;
}

QString AuditEvent::formatTime(const QDateTime &time)
{
    const QDateTime t = time.toUTC();
    const QDate d = t.date();
    const QTime tm = t.time();
    return QString::asprintf("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", d.year(), d.month(), d.day(), tm.hour(),
                             tm.minute(), tm.second(), tm.msec());
}

std::optional<QDateTime> AuditEvent::parseTime(QStringView s)
{
    // Exactly "yyyy-MM-ddTHH:mm:ss.zzzZ": one spelling per instant keeps the canonical form unique.
    if (s.size() != 24)
        return std::nullopt;
    static constexpr char kPattern[] = "dddd-dd-ddTdd:dd:dd.dddZ";
    for (int i = 0; i < 24; ++i) {
        const char16_t c = s[i].unicode();
        if (kPattern[i] == 'd' ? !(c >= u'0' && c <= u'9') : c != char16_t(kPattern[i]))
            return std::nullopt;
    }
    auto num = [&](int from, int len) { return s.sliced(from, len).toInt(); };
    const QDate date(num(0, 4), num(5, 2), num(8, 2));
    const QTime time(num(11, 2), num(14, 2), num(17, 2), num(20, 3));
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC);
}

namespace {

Result<void> validateFields(const AuditEvent &e)
{
    const QString &type = e.type;
    const QDateTime &recorded = e.recorded;
    const QDateTime &occurred = e.occurred;
    const AuditAgent &agent = e.agent;
    const QString &source = e.source;
    const QString &purposeOfUse = e.purposeOfUse;
    const QList<AuditEntity> &entities = e.entities;
    const QJsonObject &detail = e.detail;
    if (!isTypeName(type))
        return invalid(QStringLiteral("field 'type' must be a dotted lower-case name such as data.view"));
    if (!isToken(e.id, kIdExtra, 0, 64))
        return invalid(QStringLiteral("field 'id' must be an event ID (ASCII letters, digits, ._:-)"));
    if (!recorded.isValid())
        return invalid(QStringLiteral("field 'recorded' is missing"));
    if (recorded.toUTC().date().year() < 1970 || recorded.toUTC().date().year() > 9999)
        return invalid(QStringLiteral("field 'recorded' is out of range"));
    if (occurred.isValid() &&
        (occurred.toUTC().date().year() < 1970 || occurred.toUTC().date().year() > 9999))
        return invalid(QStringLiteral("field 'occurred' is out of range"));
    if (!isToken(agent.userId, kUserExtra, 1, 128))
        return invalid(
            QStringLiteral("field 'agent.user' must be an account ID (ASCII letters, digits, ._@:+-)"));
    if (!isToken(agent.role, kIdExtra, 0, 64))
        return invalid(
            QStringLiteral("field 'agent.role' must be a role name (ASCII letters, digits, ._:-)"));
    if (!isToken(agent.nodeId, kIdExtra, 0, 128))
        return invalid(QStringLiteral("field 'agent.node' must be a node ID (ASCII letters, digits, ._:-)"));
    if (!isToken(agent.networkAddress, kAddressExtra, 0, 64))
        return invalid(QStringLiteral("field 'agent.address' must be an IP address literal"));
    if (!isToken(source, kIdExtra, 1, 128))
        return invalid(QStringLiteral("field 'source' must be a node ID (ASCII letters, digits, ._:-)"));
    if (!isToken(purposeOfUse, kIdExtra, 0, 64))
        return invalid(QStringLiteral("field 'purpose' must be a code (ASCII letters, digits, ._:-)"));
    for (qsizetype i = 0; i < entities.size(); ++i) {
        const AuditEntity &e = entities.at(i);
        const bool typeOk = isToken(e.type, u"._-", 1, 32) && e.type.at(0).unicode() >= u'a' &&
                            e.type.at(0).unicode() <= u'z' && e.type == e.type.toLower();
        if (!typeOk)
            return invalid(QStringLiteral("entities[%1].type must be a lower-case data type name").arg(i));
        if (!isToken(e.id, kIdExtra, 1, 128))
            return invalid(
                QStringLiteral("entities[%1].id must be a pseudonymous ID (ASCII letters, digits, ._:-)")
                    .arg(i));
        if (looksLikeDirectIdentifier(e.id))
            return invalid(QStringLiteral("entities[%1].id looks like a national ID or phone number; "
                                          "use the pseudonymous ID")
                               .arg(i));
    }
    if (valueHasUnpairedSurrogate(detail))
        return invalid(QStringLiteral("field 'detail' contains text that is not valid Unicode"));
    return {};
}

} // namespace

Result<QByteArray> AuditEvent::toValidatedCanonicalJson() const
{
    if (auto r = validateFields(*this); !r)
        return r.error();
    QByteArray canonical = toCanonicalJson();
    if (canonical.size() > kMaxCanonicalSize)
        return invalid(QStringLiteral("event is larger than %1 bytes").arg(kMaxCanonicalSize));
    return canonical;
}

Result<void> AuditEvent::validate() const
{
    auto r = toValidatedCanonicalJson();
    if (!r)
        return r.error();
    return {};
}

QJsonObject AuditEvent::toJsonObject() const
{
    QJsonObject o;
    o.insert(QStringLiteral("v"), kFormatVersion);
    o.insert(QStringLiteral("type"), type);
    if (!id.isEmpty())
        o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("action"), actionCode(action));
    o.insert(QStringLiteral("outcome"), outcomeName(outcome));
    o.insert(QStringLiteral("recorded"), recorded.isValid() ? formatTime(recorded) : QString());
    if (occurred.isValid())
        o.insert(QStringLiteral("occurred"), formatTime(occurred));
    QJsonObject a;
    a.insert(QStringLiteral("user"), agent.userId);
    if (!agent.role.isEmpty())
        a.insert(QStringLiteral("role"), agent.role);
    if (!agent.nodeId.isEmpty())
        a.insert(QStringLiteral("node"), agent.nodeId);
    if (!agent.networkAddress.isEmpty())
        a.insert(QStringLiteral("address"), agent.networkAddress);
    o.insert(QStringLiteral("agent"), a);
    o.insert(QStringLiteral("source"), source);
    if (!entities.isEmpty()) {
        QJsonArray list;
        for (const AuditEntity &e : entities)
            list.append(QJsonObject{{QStringLiteral("type"), e.type}, {QStringLiteral("id"), e.id}});
        o.insert(QStringLiteral("entities"), list);
    }
    if (!purposeOfUse.isEmpty())
        o.insert(QStringLiteral("purpose"), purposeOfUse);
    if (!detail.isEmpty())
        o.insert(QStringLiteral("detail"), detail);
    return o;
}

QByteArray AuditEvent::toCanonicalJson() const
{
    // Written member by member in sorted key order: the log canonicalises every event, and going
    // through a QJsonObject costs several times more. A test holds it equal to the generic form.
    QByteArray out;
    out.reserve(384);
    auto member = [&out](const char *prefix, QStringView value) {
        out.append(prefix);
        CanonicalJson::appendString(out, value);
    };
    member("{\"action\":", actionCode(action));
    out.append(",\"agent\":{");
    if (!agent.networkAddress.isEmpty()) {
        member("\"address\":", agent.networkAddress);
        out.append(',');
    }
    if (!agent.nodeId.isEmpty()) {
        member("\"node\":", agent.nodeId);
        out.append(',');
    }
    if (!agent.role.isEmpty()) {
        member("\"role\":", agent.role);
        out.append(',');
    }
    member("\"user\":", agent.userId);
    out.append('}');
    if (!detail.isEmpty()) {
        out.append(",\"detail\":");
        CanonicalJson::appendObject(out, detail);
    }
    if (!entities.isEmpty()) {
        out.append(",\"entities\":[");
        for (qsizetype i = 0; i < entities.size(); ++i) {
            member(i == 0 ? "{\"id\":" : ",{\"id\":", entities.at(i).id);
            member(",\"type\":", entities.at(i).type);
            out.append('}');
        }
        out.append(']');
    }
    if (!id.isEmpty())
        member(",\"id\":", id);
    if (occurred.isValid())
        member(",\"occurred\":", formatTime(occurred));
    member(",\"outcome\":", outcomeName(outcome));
    if (!purposeOfUse.isEmpty())
        member(",\"purpose\":", purposeOfUse);
    member(",\"recorded\":", recorded.isValid() ? formatTime(recorded) : QString());
    member(",\"source\":", source);
    member(",\"type\":", type);
    out.append(",\"v\":");
    out.append(QByteArray::number(kFormatVersion));
    out.append('}');
    return out;
}

Result<AuditEvent> AuditEvent::fromJson(QByteArrayView json)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &err);
    if (err.error != QJsonParseError::NoError)
        return invalid(
            QStringLiteral("malformed JSON at byte %1: %2").arg(err.offset).arg(err.errorString()));
    if (!doc.isObject())
        return invalid(QStringLiteral("JSON is not an object"));
    return fromJsonObject(doc.object());
}

Result<AuditEvent> AuditEvent::fromJsonObject(const QJsonObject &o)
{
    if (auto r = rejectUnknownKeys(o,
                                   {u"v", u"id", u"type", u"action", u"outcome", u"recorded", u"occurred",
                                    u"agent", u"source", u"entities", u"purpose", u"detail"},
                                   QStringLiteral("event"));
        !r)
        return r.error();
    const QJsonValue v = o.value(QStringLiteral("v"));
    if (v.isUndefined())
        return invalid(QStringLiteral("field 'v' is missing"));
    if (!v.isDouble() || v.toInteger(-1) != kFormatVersion)
        return invalid(QStringLiteral("field 'v' must be %1").arg(kFormatVersion));

    AuditEvent e;
    auto id = requireString(o, QStringLiteral("id"), QStringLiteral("id"), false);
    if (!id)
        return id.error();
    e.id = id.value();
    auto type = requireString(o, QStringLiteral("type"), QStringLiteral("type"), true);
    if (!type)
        return type.error();
    e.type = type.value();

    auto action = requireString(o, QStringLiteral("action"), QStringLiteral("action"), true);
    if (!action)
        return action.error();
    const auto act = actionFromCode(action.value());
    if (!act)
        return invalid(QStringLiteral("field 'action' must be one of C, R, U, D, E"));
    e.action = *act;

    auto outcome = requireString(o, QStringLiteral("outcome"), QStringLiteral("outcome"), true);
    if (!outcome)
        return outcome.error();
    const auto out = outcomeFromName(outcome.value());
    if (!out)
        return invalid(QStringLiteral(
            "field 'outcome' must be success, minor-failure, serious-failure or major-failure"));
    e.outcome = *out;

    auto recorded = requireString(o, QStringLiteral("recorded"), QStringLiteral("recorded"), true);
    if (!recorded)
        return recorded.error();
    const auto rt = parseTime(recorded.value());
    if (!rt)
        return invalid(QStringLiteral("field 'recorded' must be a UTC time like 2025-01-31T08:00:00.000Z"));
    e.recorded = *rt;

    auto occurred = requireString(o, QStringLiteral("occurred"), QStringLiteral("occurred"), false);
    if (!occurred)
        return occurred.error();
    if (!occurred.value().isEmpty()) {
        const auto ot = parseTime(occurred.value());
        if (!ot)
            return invalid(
                QStringLiteral("field 'occurred' must be a UTC time like 2025-01-31T08:00:00.000Z"));
        e.occurred = *ot;
    }

    const QJsonValue agentValue = o.value(QStringLiteral("agent"));
    if (!agentValue.isObject())
        return invalid(agentValue.isUndefined() ? QStringLiteral("field 'agent' is missing")
                                                : QStringLiteral("field 'agent' must be an object"));
    const QJsonObject agent = agentValue.toObject();
    if (auto r = rejectUnknownKeys(agent, {u"user", u"role", u"node", u"address"}, QStringLiteral("agent"));
        !r)
        return r.error();
    auto user = requireString(agent, QStringLiteral("user"), QStringLiteral("agent.user"), true);
    if (!user)
        return user.error();
    auto role = requireString(agent, QStringLiteral("role"), QStringLiteral("agent.role"), false);
    if (!role)
        return role.error();
    auto node = requireString(agent, QStringLiteral("node"), QStringLiteral("agent.node"), false);
    if (!node)
        return node.error();
    auto address = requireString(agent, QStringLiteral("address"), QStringLiteral("agent.address"), false);
    if (!address)
        return address.error();
    e.agent = AuditAgent{user.value(), role.value(), node.value(), address.value()};

    auto source = requireString(o, QStringLiteral("source"), QStringLiteral("source"), true);
    if (!source)
        return source.error();
    e.source = source.value();

    const QJsonValue entities = o.value(QStringLiteral("entities"));
    if (!entities.isUndefined()) {
        if (!entities.isArray())
            return invalid(QStringLiteral("field 'entities' must be an array"));
        const QJsonArray list = entities.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString where = QStringLiteral("entities[%1]").arg(i);
            if (!list.at(i).isObject())
                return invalid(where + QStringLiteral(" must be an object"));
            const QJsonObject eo = list.at(i).toObject();
            if (auto r = rejectUnknownKeys(eo, {u"type", u"id"}, where); !r)
                return r.error();
            auto et = requireString(eo, QStringLiteral("type"), where + QStringLiteral(".type"), true);
            if (!et)
                return et.error();
            auto id = requireString(eo, QStringLiteral("id"), where + QStringLiteral(".id"), true);
            if (!id)
                return id.error();
            e.entities.append(AuditEntity{et.value(), id.value()});
        }
    }

    auto purpose = requireString(o, QStringLiteral("purpose"), QStringLiteral("purpose"), false);
    if (!purpose)
        return purpose.error();
    e.purposeOfUse = purpose.value();

    const QJsonValue detail = o.value(QStringLiteral("detail"));
    if (!detail.isUndefined()) {
        if (!detail.isObject())
            return invalid(QStringLiteral("field 'detail' must be an object"));
        e.detail = detail.toObject();
    }

    if (auto r = e.validate(); !r)
        return r.error();
    return e;
}

bool AuditEvent::operator==(const AuditEvent &other) const
{
    auto sameTime = [](const QDateTime &a, const QDateTime &b) {
        return a.isValid() == b.isValid() && (!a.isValid() || a.toMSecsSinceEpoch() == b.toMSecsSinceEpoch());
    };
    return id == other.id && type == other.type && action == other.action && outcome == other.outcome &&
           sameTime(recorded, other.recorded) && sameTime(occurred, other.occurred) && agent == other.agent &&
           source == other.source && entities == other.entities && purposeOfUse == other.purposeOfUse &&
           detail == other.detail;
}

} // namespace mdp::audit
