#include "mdp/accounts/DemoStaff.h"

namespace mdp::accounts {

QList<DemoPerson> demoStaff()
{
    struct Entry
    {
        Role role;
        const char *userName;
        const char *displayName;
    };
    static const Entry entries[] = {
        {Role::Clinician, "dr.wang", "王医生 (Dr. Wang)"},
        {Role::Reviewer, "rev.li", "李审核 (Reviewer Li)"},
        {Role::Researcher, "res.zhang", "张研究员 (Researcher Zhang)"},
        {Role::EthicsReviewer, "eth.chen", "陈伦理 (Ethics Chen)"},
        {Role::DataManager, "dm.liu", "刘数据 (Data Manager Liu)"},
        {Role::Auditor, "aud.zhao", "赵审计 (Auditor Zhao)"},
        {Role::SystemAdmin, "admin.sun", "孙管理 (Admin Sun)"},
    };
    QList<DemoPerson> staff;
    for (const Entry &entry : entries)
        staff.append({entry.role, QString::fromUtf8(entry.userName), QString::fromUtf8(entry.displayName),
                      QStringLiteral("Demo-") + roleId(entry.role) + QStringLiteral("-2026!")});
    return staff;
}

} // namespace mdp::accounts
