"""What a Discord server does, without Discord: the feeds it follows, its view of the store,
digest schedules, alert subscriptions and deliveries, its status. Imports from every floor
below: ground, runtime, store, feeds and news."""
