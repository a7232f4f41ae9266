// Payment SDK test fixtures: the processors' published test numbers only.
export const cards = {
  visa: '4242 4242 4242 4242',
  visaDebit: '4000 0566 5566 5556',
  visaClassic: '4111111111111111',
  mastercard: '5555 5555 5555 4444',
  mastercard2: '2223 0031 2200 3222',
  amex: '3782 822463 10005',
  discover: '6011 1111 1111 1117',
  jcb: '3530 1113 3330 0000',
  diners: '3056 930902 5904',
  unionpay: '6200 0000 0000 0005',
  declined: '4000000000000002',
};
