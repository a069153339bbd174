#pragma once
// Accepts what a seed field may hold: a decimal number from 0 to 2^64 − 1 (all the seeds a
// project stores), and, where the field allows it, nothing at all. A number past 2^64 − 1 cannot
// be typed, so the field never has to refuse one afterwards.

#include <QValidator>

namespace mbq {

class SeedValidator : public QValidator
{
    Q_OBJECT

public:
    enum class Empty { Refused, Allowed };
    explicit SeedValidator(Empty empty, QObject *parent = nullptr);

    State validate(QString &input, int &pos) const override;

private:
    Empty m_empty;
};

} // namespace mbq
