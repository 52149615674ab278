// The time relative dates are written from ("il y a 3 minutes"), refreshed every half minute.
class Clock {
  now = $state(new Date());

  constructor() {
    if (typeof window !== 'undefined') setInterval(() => (this.now = new Date()), 30_000);
  }
}

export const clock = new Clock();
