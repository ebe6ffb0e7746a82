// A pack built against an earlier version of the interface (what a pack compiled for an older
// release carries): its IID names version 0.9.
#include <QObject>
#include <QString>

class OldDiseasePack
{
public:
    virtual ~OldDiseasePack() = default;
    virtual QString packId() const = 0;
};
Q_DECLARE_INTERFACE(OldDiseasePack, "org.mdp.DiseasePack/0.9")

class OldInterfacePack : public QObject, public OldDiseasePack
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.mdp.DiseasePack/0.9")
    Q_INTERFACES(OldDiseasePack)

public:
    QString packId() const override { return QStringLiteral("test-old"); }
};

#include "OldInterfacePack.moc"
