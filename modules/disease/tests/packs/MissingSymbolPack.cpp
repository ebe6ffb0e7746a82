// A pack with the right IID that needs a function this process does not have (what a pack linked
// against another build of a library looks like).
#include "mdp/disease/DiseasePack.h"

#include <QObject>

extern "C" int mdp_function_no_library_defines(int);

class MissingSymbolPack : public QObject, public mdp::disease::DiseasePack
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID MDP_DISEASE_PACK_IID)
    Q_INTERFACES(mdp::disease::DiseasePack)

public:
    QString packId() const override { return QString::number(mdp_function_no_library_defines(1)); }
    QString title(QStringView) const override { return QStringLiteral("Missing symbol"); }
    QList<QByteArray> formTemplates() const override { return {}; }
    bool hasDemoCohort() const override { return false; }
    mdp::Result<mdp::disease::DemoCohortReport>
    importDemoCohort(mdp::disease::DemoTarget &, const mdp::disease::DemoCohortRequest &) override
    {
        return mdp::makeError(mdp::Error::Code::Unsupported, QStringLiteral("no demo cohort"));
    }
    mdp::Result<void> seedDemoRecords(mdp::disease::DemoTarget &) override
    {
        return mdp::makeError(mdp::Error::Code::Unsupported, QStringLiteral("no demo records"));
    }
};

#include "MissingSymbolPack.moc"
