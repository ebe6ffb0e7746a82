#include "mdp/cohort/DemoRecords.h"

#include "mdp/disease/DemoTarget.h"
#include "mdp/forms/FormStore.h"
#include "mdp/registry/Registry.h"

#include <QJsonArray>

namespace mdp::cohort {

Result<void> seedDemoRecords(disease::DemoTarget &target)
{
    const QString clinician = target.accountId(QStringLiteral("dr.wang"));
    const QString reviewer = target.accountId(QStringLiteral("rev.li"));
    const QString manager = target.accountId(QStringLiteral("dm.liu"));
    if (clinician.isEmpty() || reviewer.isEmpty() || manager.isEmpty())
        return makeError(Error::Code::NotFound, QStringLiteral("a demo account is missing"));
    if (!target.forms())
        return makeError(Error::Code::Unsupported, QStringLiteral("the demo target keeps no forms"));
    forms::FormStore &store = *target.forms();
    if (auto p = store.setReviewerProfile(manager, forms::ReviewerProfile{reviewer, {}, {}, {}}); !p)
        return p;
    registry::PageRequest page;
    page.limit = 8;
    auto patients = target.registry().patients(clinician, page);
    if (!patients)
        return patients.error();
    const QString today = target.today().addDays(-1).toString(Qt::ISODate);
    const QString earlier = target.today().addDays(-30).toString(Qt::ISODate);
    enum class Target
    {
        Draft,
        Pending,
        Rejected,
        Approved,
        Amended
    };
    const Target targets[] = {Target::Amended,  Target::Pending,  Target::Pending, Target::Rejected,
                              Target::Approved, Target::Approved, Target::Draft,   Target::Pending};
    int i = 0;
    for (const registry::Patient &p : patients->patients) {
        const Target state = targets[i % 8];
        forms::NewRecord n;
        n.patientId = p.id;
        n.patientPseudonym = p.pseudonymId;
        if (i % 2 == 0) {
            n.formId = QStringLiteral("follow-up");
            n.values = QJsonObject{{QStringLiteral("followUpDate"), today},
                                   {QStringLiteral("method"), QStringLiteral("clinic")},
                                   {QStringLiteral("status"), QStringLiteral("alive-ned")}};
        } else {
            n.formId = QStringLiteral("toxicity");
            n.values =
                QJsonObject{{QStringLiteral("term"), QStringLiteral("Dermatitis radiation")},
                            {QStringLiteral("grade"), 1 + i % 2},
                            {QStringLiteral("onsetDate"), earlier},
                            {QStringLiteral("attribution"), QStringLiteral("probable")},
                            {QStringLiteral("attributedTo"), QJsonArray{QStringLiteral("radiotherapy")}},
                            {QStringLiteral("serious"), QStringLiteral("no")}};
        }
        ++i;
        auto r = store.createDraft(clinician, n);
        if (!r)
            return r.error();
        if (state == Target::Draft)
            continue;
        auto submitted = store.submit(clinician, r->id, r->revision);
        if (!submitted)
            return submitted.error();
        if (state == Target::Rejected) {
            auto rejected = store.reject(reviewer, r->id, submitted->revision,
                                         QStringLiteral("请补充随访方式并核对随访日期。"));
            if (!rejected)
                return rejected.error();
        } else if (state == Target::Approved || state == Target::Amended) {
            auto approved = store.approve(reviewer, r->id, submitted->revision);
            if (!approved)
                return approved.error();
            if (state == Target::Amended) {
                auto amending = store.amend(clinician, r->id, approved->revision,
                                            QStringLiteral("电话随访后更正随访方式与状态"));
                if (!amending)
                    return amending.error();
                QJsonObject values = amending->values;
                values.insert(QStringLiteral("method"), QStringLiteral("phone"));
                values.insert(QStringLiteral("status"), QStringLiteral("alive-disease"));
                values.insert(QStringLiteral("recurrenceDate"), today);
                values.insert(QStringLiteral("recurrenceSites"), QJsonArray{QStringLiteral("bone")});
                auto saved = store.saveDraft(clinician, r->id, values, amending->revision);
                if (!saved)
                    return saved.error();
                if (auto again = store.submit(clinician, r->id, saved->revision); !again)
                    return again.error();
            }
        }
    }
    return {};
}

} // namespace mdp::cohort
