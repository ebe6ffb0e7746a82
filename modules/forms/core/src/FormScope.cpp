#include "FormScope.h"

#include <QSet>

#include <functional>

namespace mdp::forms {

FormScope::FormScope(const FormDefinition &definition)
{
    for (const SectionDefinition &s : definition.sections) {
        for (const FieldDefinition &f : s.fields) {
            m_top.append(f.id);
            if (f.type == FieldType::Group) {
                QStringList members;
                for (const FieldDefinition &m : f.fields)
                    members.append(m.id);
                m_members.insert(f.id, members);
            }
        }
    }
}

QStringList FormScope::knownFields(const QString &group) const
{
    QStringList known = m_top;
    for (auto it = m_members.constBegin(); it != m_members.constEnd(); ++it) {
        for (const QString &m : it.value())
            known.append(it.key() + u'.' + m);
    }
    if (!group.isEmpty())
        known.append(m_members.value(group));
    return known;
}

QString FormScope::resolve(const QString &reference, const QString &group) const
{
    if (!group.isEmpty() && !reference.contains(u'.') && isMember(group, reference))
        return group + u'.' + reference;
    return reference;
}

QStringList FormScope::calculationOrder(const QList<std::pair<QString, QStringList>> &calculations,
                                        QString *cycle)
{
    QHash<QString, QStringList> deps;
    QStringList keys;
    for (const auto &[key, reads] : calculations) {
        keys.append(key);
        deps.insert(key, reads);
    }
    // Expand group dependencies to the group's calculated members.
    auto edges = [&](const QString &key) {
        QStringList out;
        for (const QString &r : deps.value(key)) {
            if (deps.contains(r)) {
                out.append(r);
                continue;
            }
            if (!r.contains(u'.')) {
                const QString prefix = r + u'.';
                for (const QString &k : keys) {
                    if (k.startsWith(prefix))
                        out.append(k);
                }
            }
        }
        return out;
    };

    enum class Mark
    {
        None,
        Visiting,
        Done
    };
    QHash<QString, Mark> marks;
    QStringList order;
    QStringList stack;
    bool failed = false;
    std::function<void(const QString &)> visit = [&](const QString &key) {
        if (failed)
            return;
        const Mark m = marks.value(key, Mark::None);
        if (m == Mark::Done)
            return;
        if (m == Mark::Visiting) {
            const qsizetype start = stack.indexOf(key);
            QStringList loop = stack.mid(start);
            loop.append(key);
            if (cycle)
                *cycle = loop.join(QStringLiteral(" -> "));
            failed = true;
            return;
        }
        marks.insert(key, Mark::Visiting);
        stack.append(key);
        for (const QString &next : edges(key))
            visit(next);
        stack.removeLast();
        marks.insert(key, Mark::Done);
        order.append(key);
    };
    for (const QString &k : keys)
        visit(k);
    if (failed)
        return {};
    return order;
}

} // namespace mdp::forms
