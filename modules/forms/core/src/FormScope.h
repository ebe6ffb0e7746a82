#pragma once

#include "mdp/forms/FormDefinition.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace mdp::forms {

// Which names an expression may use where it sits, and the order calculated fields must be computed
// in. Shared by FormDefinition::fromJson (to refuse bad definitions at import) and Validator (to
// compute), so both agree on scoping.
class FormScope
{
public:
    explicit FormScope(const FormDefinition &definition);

    // Names known at the top level (form rules, top-level calculate/visibleIf): top-level ids and
    // "group.member" paths. With `group`: also the bare member ids of that group (its row context).
    QStringList knownFields(const QString &group = {}) const;

    // A reference as written, resolved to its canonical key in the context of `group` (empty: top
    // level): a bare member name inside its group becomes "group.member"; anything else stays.
    QString resolve(const QString &reference, const QString &group) const;

    bool isGroup(const QString &id) const { return m_members.contains(id); }
    bool isMember(const QString &group, const QString &id) const
    {
        const auto it = m_members.constFind(group);
        return it != m_members.constEnd() && it->contains(id);
    }

    // Calculated fields (key "x" or "group.member") with the canonical keys they read; returns them
    // ordered so each comes after the calculated fields it reads, or, on a cycle, an empty list and
    // `cycle` set to the keys around it ("a -> b -> a"). A dependency on a group ("cycles", as read by
    // count(cycles)) depends on all of that group's calculated members.
    static QStringList calculationOrder(const QList<std::pair<QString, QStringList>> &calculations,
                                        QString *cycle);

private:
    QStringList m_top;
    QHash<QString, QStringList> m_members;
};

} // namespace mdp::forms
